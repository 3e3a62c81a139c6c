package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.plugvnc.api.transport.SharedPortProtocol;

/**
 * HTTP and TLS on a desktop's RFB port ({@code shareRfbPort}). An RFB viewer waits for the
 * server's greeting, so any byte a client sends first is a browser's: a method token and a space
 * is HTTP, a TLS handshake record (0x16) is https or wss while TLS is available. A connection
 * recognized so gets the same pipeline as one of the transport's own listeners, serving the
 * desktop of the port it came in on.
 */
final class SharedPort implements SharedPortProtocol {

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT");
  private static final int LONGEST_METHOD = 7;

  private final BooleanSupplier tlsAvailable;
  private final BiConsumer<Channel, String> adopt;

  /**
   * @param tlsAvailable whether TLS can be served now
   * @param adopt sets up a taken-over channel's pipeline for the given desktop
   */
  SharedPort(BooleanSupplier tlsAvailable, BiConsumer<Channel, String> adopt) {
    this.tlsAvailable = tlsAvailable;
    this.adopt = adopt;
  }

  @Override
  public Recognition recognize(ByteBuf firstBytes) {
    int start = firstBytes.readerIndex();
    int n = firstBytes.readableBytes();
    if (n == 0) {
      return Recognition.MORE;
    }
    if (firstBytes.getUnsignedByte(start) == TlsSniffer.TLS_HANDSHAKE) {
      return tlsAvailable.getAsBoolean() ? Recognition.YES : Recognition.NO;
    }
    StringBuilder token = new StringBuilder(LONGEST_METHOD);
    for (int i = 0; i < Math.min(n, LONGEST_METHOD + 1); i++) {
      int c = firstBytes.getUnsignedByte(start + i);
      if (c == ' ') {
        return METHODS.contains(token.toString()) ? Recognition.YES : Recognition.NO;
      }
      if (c < 'A' || c > 'Z' || i == LONGEST_METHOD) {
        return Recognition.NO;
      }
      token.append((char) c);
    }
    return Recognition.MORE;
  }

  @Override
  public void takeOver(Channel channel, ByteBuf received, String desktopId) {
    channel.eventLoop().execute(() -> {
      if (!channel.isActive()) {
        received.release();
        return;
      }
      adopt.accept(channel, desktopId);
      channel.pipeline().fireChannelRead(received);
      channel.config().setAutoRead(true);
    });
  }
}
