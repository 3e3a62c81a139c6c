package org.plugvnc.transport.websocket.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * The handlers of a browser's connection, in order: {@link HttpPeerLimit}, {@link HttpTimeouts}, {@link TlsSniffer}
 * (replaced by this bundle's SslHandler or by nothing), Netty's {@link HttpServerCodec} with the
 * request line and header bounds, a {@link ChunkedWriteHandler} for file bodies, and the {@link
 * HttpRequestHandler}. An upgrade replaces all but the TLS with Netty's WebSocket frame codec and
 * the {@link WebSocketRfbBridge}, behind which the engine puts its own handlers.
 */
final class WebPipeline {

  static final String CODEC = "http-codec";
  static final String CHUNKED = "http-chunked";
  static final String HANDLER = "http-handler";

  private WebPipeline() {}

  /** Sets up a new connection of a listener, or one taken over from an RFB port. */
  static void init(Channel channel, WebSettings settings, WebServices services) {
    ChannelPipeline p = channel.pipeline();
    p.addLast(HttpPeerLimit.NAME, new HttpPeerLimit(services.httpPeers()));
    p.addLast(HttpTimeouts.NAME, new HttpTimeouts(settings.requestTimeoutMillis(), settings.idleTimeoutMillis()));
    p.addLast(TlsSniffer.NAME, new TlsSniffer(settings, services));
  }

  /** The HTTP handlers, after the handler named {@code after}. */
  static void addHttp(ChannelPipeline p, String after, WebSettings settings, WebServices services,
      boolean secure) {
    p.addAfter(after, CODEC, new HttpServerCodec(WebSettings.MAX_REQUEST_LINE, WebSettings.MAX_HEADERS, 8192));
    p.addAfter(CODEC, CHUNKED, new ChunkedWriteHandler());
    p.addAfter(CHUNKED, HANDLER, new HttpRequestHandler(settings, services, secure));
  }
}
