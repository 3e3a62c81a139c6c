package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of one request to a WebSocket carrying RFB: the Origin is checked first, then
 * Netty's handshaker answers 101 (selecting the subprotocol {@code binary} when the browser offers
 * it, none when it offers none, as noVNC 1.7 does) and puts its frame codec where the HTTP codec
 * was. Its decoder insists on masked frames (an unmasked one closes with 1002) and bounds each
 * frame's payload before buffering it (a larger one closes with 1009). Then the HTTP-only handlers
 * go, the {@link WebSocketRfbBridge} comes, and the engine serves the channel.
 */
final class WebSocketUpgrade {

  /** The subprotocol selected when offered; browsers' VNC clients name it so. */
  static final String SUBPROTOCOL = "binary";

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketUpgrade.class);

  private final WebSettings settings;
  private final WebServices services;
  private final boolean secure;

  WebSocketUpgrade(WebSettings settings, WebServices services, boolean secure) {
    this.settings = settings;
    this.services = services;
    this.secure = secure;
  }

  /** Whether {@code target}'s path is the configured WebSocket path or {@code /}. */
  static boolean isWebSocketPath(String target, String path) {
    int q = target.indexOf('?');
    String p = q < 0 ? target : target.substring(0, q);
    return p.equals(path) || p.equals("/");
  }

  void upgrade(ChannelHandlerContext ctx, HttpRequest req, String host, boolean hasBody) {
    Channel ch = ctx.channel();
    String refusal = settings.origins().refusal(req.headers().get(HttpHeaderNames.ORIGIN), host, secure);
    if (refusal != null) {
      LOG.warn("WebSocket from {} refused (403): {}", ch.remoteAddress(), refusal);
      Responses.text(ctx, HttpResponseStatus.FORBIDDEN, "Forbidden: origin not allowed\n", settings, host, false);
      return;
    }
    if (!services.acceptor().desktops().contains(settings.desktop())) {
      LOG.warn("WebSocket from {} refused (503): desktop '{}' is not served", ch.remoteAddress(), settings.desktop());
      Responses.text(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "No such desktop\n", settings, host, false);
      return;
    }
    if (hasBody || !req.method().equals(HttpMethod.GET)) {
      LOG.info("WebSocket from {} refused (400): an upgrade must be a GET without a body", ch.remoteAddress());
      Responses.text(ctx, HttpResponseStatus.BAD_REQUEST, "Bad request\n", settings, host, false);
      return;
    }
    FullHttpRequest full = new DefaultFullHttpRequest(req.protocolVersion(), req.method(), req.uri(),
        Unpooled.EMPTY_BUFFER, req.headers(), EmptyHttpHeaders.INSTANCE);
    WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(settings.maxFramePayload())
        .expectMaskedFrames(true)
        .allowMaskMismatch(false)
        .allowExtensions(false)
        .closeOnProtocolViolation(true)
        .withUTF8Validator(false) // text frames end the connection anyway
        .build();
    String url = (secure ? "wss://" : "ws://") + host + settings.path();
    WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, SUBPROTOCOL, frames)
        .newHandshaker(full);
    if (handshaker == null) {
      LOG.info("WebSocket from {} refused: unsupported version {}", ch.remoteAddress(),
          req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION));
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ch).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    try {
      handshaker.handshake(ch, full).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess()) {
          serve(ch);
        } else {
          LOG.debug("WebSocket handshake with {} failed: {}", ch.remoteAddress(), String.valueOf(f.cause()));
          ch.close();
        }
      });
    } catch (WebSocketHandshakeException e) {
      LOG.info("WebSocket from {} refused (400): {}", ch.remoteAddress(), e.getMessage());
      Responses.text(ctx, HttpResponseStatus.BAD_REQUEST, "Bad request\n", settings, host, false);
    }
  }

  /** The 101 is out and the frame codec in place: from here the channel carries RFB. */
  private void serve(Channel ch) {
    ChannelPipeline p = ch.pipeline();
    p.remove(HttpPeerLimit.NAME);
    p.remove(HttpTimeouts.NAME);
    p.remove(WebPipeline.CHUNKED);
    p.remove(WebPipeline.HANDLER);
    p.addLast(WebSocketRfbBridge.NAME, new WebSocketRfbBridge());
    LOG.debug("WebSocket from {} upgraded ({}), served to desktop {}", ch.remoteAddress(),
        secure ? "wss" : "ws", settings.desktop());
    if (!services.acceptor().serve(ch, settings.desktop(), "websocket")) {
      LOG.warn("WebSocket from {} closed: desktop '{}' is not served", ch.remoteAddress(), settings.desktop());
    }
  }
}
