package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Writing responses: every one carries the security headers, and the connection either stays for
 * the next request (its idle clock starts once the response is out) or is closed after it.
 */
final class Responses {

  private Responses() {}

  /**
   * The headers every response carries: no type sniffing, no referrer, a content security policy
   * that allows only this server's scripts and WebSockets, and no framing unless {@code
   * frameAncestors} names who may embed the client.
   */
  static void securityHeaders(HttpHeaders h, WebSettings settings, String host) {
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    String connect = "'self'";
    if (host != null && OriginPolicy.canonical("http://" + host) != null && host.indexOf(';') < 0
        && host.indexOf(' ') < 0) {
      // CSP Level 2 browsers do not count ws: and wss: as 'self': name this host's explicitly.
      connect += " ws://" + host + " wss://" + host;
    }
    h.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src " + connect
        + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
        + settings.frameAncestors());
    if (settings.framesDenied()) {
      h.set("X-Frame-Options", "DENY");
    }
  }

  /** A short text response; the connection is closed after it unless {@code keepAlive}. */
  static ChannelFuture text(ChannelHandlerContext ctx, HttpResponseStatus status, String body,
      WebSettings settings, String host, boolean keepAlive) {
    return full(ctx, status, "text/plain; charset=utf-8", body, settings, host, keepAlive, null);
  }

  /** A full response with a body of {@code contentType}; {@code extra} headers may be null. */
  static ChannelFuture full(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType,
      String body, WebSettings settings, String host, boolean keepAlive, HttpHeaders extra) {
    ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    HttpHeaders h = r.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    h.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    securityHeaders(h, settings, host);
    close(h, keepAlive);
    if (extra != null) {
      h.add(extra);
    }
    return finish(ctx, ctx.writeAndFlush(r), keepAlive);
  }

  /** Keeps the connection (idle clock) or closes it once {@code written} is done. */
  static ChannelFuture finish(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    } else {
      written.addListener((ChannelFutureListener) f -> {
        if (!f.isSuccess()) {
          f.channel().close();
          return;
        }
        HttpTimeouts timeouts = f.channel().pipeline().get(HttpTimeouts.class);
        if (timeouts != null) {
          timeouts.responseDone();
        }
      });
    }
    return written;
  }

  /** Marks {@code h} for a connection that closes after this response. */
  static void close(HttpHeaders h, boolean keepAlive) {
    if (!keepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
  }
}
