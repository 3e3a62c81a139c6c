package org.plugvnc.api.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine, as transports see it: registered as a service while the server runs. Every method
 * is thread-safe and returns at once.
 *
 * <p>A transport's channels carry the RFB byte stream: the engine reads {@link
 * io.netty.buffer.ByteBuf}s from the pipeline position where it is put and writes {@code
 * ByteBuf}s back into it, so whatever the transport has in the pipeline before that position
 * (WebSocket framing, TLS of its own) is the transport's business. Security types that add a layer
 * (VeNCrypt's TLS, RSA-AES's records) put it just in front of the engine, after the transport's
 * handlers. The engine sets the channel's receive-buffer allocator and write-buffer water mark;
 * {@link Channel#isWritable()} must mean that the viewer can take more.
 */
@ProviderType
public interface RfbAcceptor {

  /** The desktop every server has unless it is turned off. */
  String DEFAULT_DESKTOP = "default";

  /**
   * The engine's I/O threads (NIO). Channels registered with them share the threads viewers on
   * the engine's own listeners use; other event loops work too. They end when the engine stops,
   * and a transport then waits for the next {@code RfbAcceptor}.
   */
  EventLoopGroup ioThreads();

  /**
   * Counts the connections {@code listener} accepts against the server's {@code maxConnections},
   * with those of the engine's own listeners: while that many are open, none of them accepts
   * (connections wait in the kernel's backlog). Call once, right after binding; it holds until
   * the listener closes. For the limit to be exact, the listener should accept one connection per
   * read ({@code RCVBUF_ALLOCATOR} with {@code maxMessagesPerRead(1)}).
   */
  void guard(ServerChannel listener);

  /**
   * Serves {@code channel}, which is active, as a viewer connection of desktop {@code desktopId}:
   * the engine's handlers go last in its pipeline, and the server speaks first (its
   * ProtocolVersion), as RFB says. {@code transport} names the way the viewer came in, for the log
   * and the management view ({@code websocket}, {@code unix}, {@code reverse}). Call it on the
   * channel's event loop or any thread.
   *
   * @return false, after closing the channel, when no such desktop is served
   */
  boolean serve(Channel channel, String desktopId, String transport);

  /** The ids of the desktops served now. */
  Set<String> desktops();
}
