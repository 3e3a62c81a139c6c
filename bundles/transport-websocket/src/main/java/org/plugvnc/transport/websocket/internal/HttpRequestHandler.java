package org.plugvnc.transport.websocket.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection's requests: an upgrade to the WebSocket path goes to {@link
 * WebSocketUpgrade}, GET and HEAD to the {@link FileResponder}, every other method gets 405. A
 * request the codec could not decode within its bounds (request line, headers) gets 414, 431 or
 * 400 and the connection is closed: the codec has stopped reading it. A request with a body is
 * answered and its connection closed rather than its body read, since nothing here takes one.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<HttpObject> {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRequestHandler.class);

  private final WebSettings settings;
  private final WebServices services;
  private final boolean secure;
  private final FileResponder files;

  HttpRequestHandler(WebSettings settings, WebServices services, boolean secure) {
    this.settings = settings;
    this.services = services;
    this.secure = secure;
    this.files = new FileResponder(settings, services);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (msg.decoderResult().isFailure()) {
      malformed(ctx, msg.decoderResult().cause());
    } else if (msg instanceof HttpRequest req) {
      HttpTimeouts timeouts = ctx.pipeline().get(HttpTimeouts.class);
      if (timeouts != null) {
        timeouts.requestArrived();
      }
      handle(ctx, req);
    } else if (!(msg instanceof HttpContent)) {
      ctx.close();
    }
    // the content of a request is ignored: a request with a body closes its connection
  }

  private void handle(ChannelHandlerContext ctx, HttpRequest req) {
    HttpHeaders headers = req.headers();
    String host = headers.get(HttpHeaderNames.HOST);
    boolean hasBody = HttpUtil.getContentLength(req, 0L) > 0 || HttpUtil.isTransferEncodingChunked(req);
    boolean keepAlive = HttpUtil.isKeepAlive(req) && !hasBody;
    boolean upgrade = headers.containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
    if (host == null && req.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
      LOG.debug("HTTP request from {} without Host refused", ctx.channel().remoteAddress());
      Responses.text(ctx, HttpResponseStatus.BAD_REQUEST, "Bad request: no Host\n", settings, null, false);
    } else if (settings.tls() == TlsMode.REQUIRED && !secure) {
      plainRefused(ctx, req, host, upgrade);
    } else if (upgrade && WebSocketUpgrade.isWebSocketPath(req.uri(), settings.path())) {
      new WebSocketUpgrade(settings, services, secure).upgrade(ctx, req, host, hasBody);
    } else if (req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD)) {
      files.respond(ctx, req, host, keepAlive);
    } else {
      LOG.debug("HTTP {} from {} refused: method not allowed", req.method(), ctx.channel().remoteAddress());
      HttpHeaders allow = new DefaultHttpHeaders().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      Responses.full(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
          "Method not allowed\n", settings, host, false, allow);
    }
  }

  /** tls = required and this came in plain: files are redirected to https, a WebSocket refused. */
  private void plainRefused(ChannelHandlerContext ctx, HttpRequest req, String host, boolean upgrade) {
    if (upgrade || host == null || OriginPolicy.canonical("https://" + host) == null
        || !req.uri().startsWith("/")) {
      LOG.info("Plain {} from {} refused: tls is required", upgrade ? "WebSocket" : "HTTP",
          ctx.channel().remoteAddress());
      Responses.text(ctx, HttpResponseStatus.FORBIDDEN, "TLS required: use https or wss\n", settings, host, false);
      return;
    }
    HttpHeaders location = new DefaultHttpHeaders().set(HttpHeaderNames.LOCATION, "https://" + host + req.uri());
    Responses.full(ctx, HttpResponseStatus.PERMANENT_REDIRECT, "text/plain; charset=utf-8",
        "Use https\n", settings, host, false, location);
  }

  private void malformed(ChannelHandlerContext ctx, Throwable cause) {
    if (!ctx.channel().isActive()) {
      return; // the codec's word that the connection closed in the middle of a request
    }
    HttpResponseStatus status;
    if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    } else {
      status = HttpResponseStatus.BAD_REQUEST;
    }
    LOG.info("HTTP request from {} refused ({}): {}", ctx.channel().remoteAddress(), status.code(),
        cause instanceof TooLongFrameException ? cause.getMessage() : String.valueOf(cause));
    Responses.text(ctx, status, status.reasonPhrase() + "\n", settings, null, false);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
