package org.plugvnc.api.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol whose clients speak first (a browser's HTTP request or TLS ClientHello) and that
 * may share a desktop's RFB port, registered as a whiteboard service. RFB viewers wait for the
 * server's greeting, so while one of these is registered the engine waits a short, configured
 * while ({@code sharedPortWaitMillis}) before greeting a new connection on its own listeners: a
 * client that sent something by then and is recognized here is handed over; every other one is
 * greeted and served as RFB. Called on the connection's event loop; must not block.
 */
@ConsumerType
public interface SharedPortProtocol {

  /** What the first bytes of a connection say. */
  enum Recognition {
    /** They are this protocol's. */
    YES,
    /** They are not. */
    NO,
    /** Too few bytes yet to tell; the engine reads more while its wait lasts. */
    MORE
  }

  /** Whether {@code firstBytes} (read so far, not to be consumed) start this protocol. */
  Recognition recognize(ByteBuf firstBytes);

  /**
   * Takes over {@code channel}, which arrived on desktop {@code desktopId}'s RFB port: its pipeline
   * has none of the engine's handlers and reads nothing until the protocol turns reading on
   * (auto-read is off). {@code received} is what the client sent so far; it is the protocol's to
   * release (typically by firing it through the handlers it adds). The protocol may later hand the
   * channel back to the engine through {@link RfbAcceptor#serve}.
   */
  void takeOver(Channel channel, ByteBuf received, String desktopId);
}
