package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.plugvnc.engine.internal.testsupport.TrackingAllocator;

/**
 * A viewer's TCP connection as an {@link EmbeddedChannel}: its tasks run on the test's thread when
 * the test says so, and it comes from an {@link InetSocketAddress}, as the engine expects of every
 * connection (EmbeddedChannel's own address is not one). Every buffer allocated on it is tracked,
 * and every write the handlers attempt is counted, even one the closed channel drops.
 */
final class ViewerChannel extends EmbeddedChannel {

  static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

  private final TrackingAllocator allocator = new TrackingAllocator();
  private final WriteCounter writes;

  private ViewerChannel(ChannelHandler handler, WriteCounter writes) {
    // Not registered yet: channelActive must already find the tracking allocator.
    super(DefaultChannelId.newInstance(), false, false, writes, handler);
    this.writes = writes;
  }

  /** A channel with {@code handler} on it, connected: the handler has seen channelActive. */
  static ViewerChannel connect(ChannelHandler handler) throws Exception {
    WriteCounter writes = new WriteCounter();
    ViewerChannel c = new ViewerChannel(handler, writes);
    c.config().setAllocator(c.allocator);
    c.register();
    return c;
  }

  /**
   * Sends {@code bytes} from the viewer in one read and runs what became due. The buffer comes
   * from the tracking allocator, so a handler that keeps it shows in {@link TrackingAllocator}.
   */
  void send(byte[] bytes) {
    writeInbound(allocator.buffer(bytes.length).writeBytes(bytes));
  }

  /** The bytes the server wrote since the last call, its buffers released. */
  ByteBuffer received() {
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf b = readOutbound(); b != null; b = readOutbound()) {
      all.writeBytes(b);
      b.release();
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    return ByteBuffer.wrap(bytes);
  }

  /** The allocator every buffer of this channel comes from. */
  TrackingAllocator allocator() {
    return allocator;
  }

  /** Writes the handlers attempted so far, delivered or not. */
  int writesAttempted() {
    return writes.count;
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return REMOTE;
  }

  /** First in the pipeline, so it sees every write before the channel accepts or drops it. */
  private static final class WriteCounter extends ChannelOutboundHandlerAdapter {
    int count;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      count++;
      ctx.write(msg, promise);
    }
  }
}
