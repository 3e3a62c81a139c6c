package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells https from http by the first byte, so that one port serves both: a TLS record of a
 * ClientHello starts with content type 22 (0x16), which no HTTP method's first letter is. Puts
 * this bundle's own {@link SslHandler} (named {@value #TLS_NAME}, not {@code tls}, which VeNCrypt's
 * layer uses inside the engine) in front of the HTTP handlers when it is TLS and TLS is available,
 * then removes itself; the bytes it held go on to the next handler.
 */
final class TlsSniffer extends ByteToMessageDecoder {

  static final String NAME = "web-sniffer";
  static final String TLS_NAME = "web-tls";
  static final int TLS_HANDSHAKE = 0x16;

  private static final Logger LOG = LoggerFactory.getLogger(TlsSniffer.class);

  private final WebSettings settings;
  private final WebServices services;

  TlsSniffer(WebSettings settings, WebServices services) {
    this.settings = settings;
    this.services = services;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!in.isReadable()) {
      return;
    }
    boolean clientHello = in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE;
    WebTls tls = settings.tls() == TlsMode.OFF ? null : services.tls();
    if (clientHello && tls == null) {
      LOG.debug("TLS from {} closed: {}", ctx.channel().remoteAddress(),
          settings.tls() == TlsMode.OFF ? "tls is off" : "no server certificate is registered");
      in.skipBytes(in.readableBytes());
      ctx.close();
      return;
    }
    boolean secure = clientHello;
    WebPipeline.addHttp(ctx.pipeline(), NAME, settings, services, secure);
    if (secure) {
      ctx.pipeline().addAfter(NAME, TLS_NAME, new SslHandler(tls.newEngine()));
    }
    ctx.pipeline().remove(this);
  }
}
