package org.plugvnc.transport.websocket.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET and HEAD of the web content: the file the highest-ranked {@link WebContent} finds, with its
 * type, length and validators; a conditional request whose {@code If-None-Match} matches gets 304.
 * Browsers revalidate every time ({@code no-cache}), so an updated web client bundle is seen at
 * the next load. Without any web content the start page says how to install the web client.
 */
final class FileResponder {

  private static final Logger LOG = LoggerFactory.getLogger(FileResponder.class);

  static final String NOT_INSTALLED = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>plugvnc</title></head><body><h1>plugvnc</h1><p>The web client is not installed. "
      + "Install the Karaf feature <code>plugvnc-webclient</code> (or its bundle) to use a VNC "
      + "viewer in this browser; VNC viewers connect to the RFB port as usual.</p></body></html>\n";

  private final WebSettings settings;
  private final WebServices services;

  FileResponder(WebSettings settings, WebServices services) {
    this.settings = settings;
    this.services = services;
  }

  void respond(ChannelHandlerContext ctx, HttpRequest req, String host, boolean keepAlive) {
    String path;
    try {
      path = WebPaths.normalize(req.uri());
    } catch (WebPaths.Refused r) {
      LOG.debug("HTTP {} {} from {} refused ({}): {}", req.method(), req.uri(), ctx.channel().remoteAddress(),
          r.status, r.getMessage());
      // a crafted path ends the connection; a merely missing file does not
      Responses.text(ctx, HttpResponseStatus.valueOf(r.status), r.status == 404 ? "Not found\n" : "Bad request\n",
          settings, host, keepAlive && r.status == 404);
      return;
    }
    List<WebContent> content = services.content();
    if (content.isEmpty()) {
      if (path.isEmpty()) {
        Responses.full(ctx, HttpResponseStatus.OK, "text/html; charset=utf-8", NOT_INSTALLED, settings, host,
            keepAlive, null);
      } else {
        Responses.text(ctx, HttpResponseStatus.NOT_FOUND, "Not found\n", settings, host, keepAlive);
      }
      return;
    }
    Optional<WebResource> found = find(content, path);
    if (found.isEmpty()) {
      Responses.text(ctx, HttpResponseStatus.NOT_FOUND, "Not found\n", settings, host, keepAlive);
      return;
    }
    send(ctx, req, found.get(), host, keepAlive);
  }

  private static Optional<WebResource> find(List<WebContent> content, String path) {
    for (WebContent c : content) {
      try {
        Optional<WebResource> r = c.find(path);
        if (r != null && r.isPresent()) {
          return r;
        }
      } catch (RuntimeException e) {
        LOG.warn("Web content {} failed to look up '{}': {}", c, path, e.toString());
      }
    }
    return Optional.empty();
  }

  private void send(ChannelHandlerContext ctx, HttpRequest req, WebResource resource, String host,
      boolean keepAlive) {
    String etag = "\"" + resource.etag() + "\"";
    boolean notModified = matches(req.headers().get(HttpHeaderNames.IF_NONE_MATCH), etag);
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
        notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK);
    HttpHeaders h = r.headers();
    h.set(HttpHeaderNames.ETAG, etag);
    h.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(Date.from(resource.lastModified())));
    h.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    Responses.securityHeaders(h, settings, host);
    Responses.close(h, keepAlive);
    if (notModified) {
      ctx.write(r);
      Responses.finish(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
      return;
    }
    h.set(HttpHeaderNames.CONTENT_TYPE, resource.contentType());
    h.set(HttpHeaderNames.CONTENT_LENGTH, resource.length());
    if (req.method().equals(HttpMethod.HEAD)) {
      ctx.write(r);
      Responses.finish(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
      return;
    }
    InputStream in;
    try {
      in = new Exactly(resource.open(), resource.length());
    } catch (IOException | RuntimeException e) {
      LOG.warn("Web content: cannot open '{}': {}", req.uri(), e.toString());
      Responses.text(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error\n", settings, host, false);
      return;
    }
    ctx.write(r);
    Responses.finish(ctx, ctx.writeAndFlush(new HttpChunkedInput(new ChunkedStream(in, 16384))), keepAlive);
  }

  /** Whether an {@code If-None-Match} list names {@code etag} (weak comparison, as RFC 9110 asks). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * At most {@code length} bytes of a resource, so the body never exceeds the Content-Length sent;
   * a resource that proves shorter ends the connection (the browser then sees a truncated file,
   * not the start of another response).
   */
  private static final class Exactly extends FilterInputStream {
    private long left;

    Exactly(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException("the resource is shorter than its length");
      }
      left -= n;
      return n;
    }
  }
}
