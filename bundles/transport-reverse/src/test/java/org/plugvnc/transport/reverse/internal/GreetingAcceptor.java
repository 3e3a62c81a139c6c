package org.plugvnc.transport.reverse.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.transport.RfbAcceptor;

/**
 * A stand-in for the engine, for the transport's unit tests: it greets each served connection
 * with an RFB ProtocolVersion, as the engine does, echoes what it reads, and records what the
 * transport handed over. The real engine is used by the in-framework tests.
 */
final class GreetingAcceptor implements RfbAcceptor, AutoCloseable {

  static final String GREETING = "RFB 003.008\n";

  record Served(Channel channel, String desktop, String transport) {}

  final List<Served> served = new CopyOnWriteArrayList<>();
  final List<ServerChannel> guarded = new CopyOnWriteArrayList<>();
  private final EventLoopGroup group = new NioEventLoopGroup(1);

  @Override
  public EventLoopGroup ioThreads() {
    return group;
  }

  @Override
  public void guard(ServerChannel listener) {
    guarded.add(listener);
  }

  @Override
  public boolean serve(Channel channel, String desktopId, String transport) {
    if (!desktops().contains(desktopId)) {
      channel.close();
      return false;
    }
    served.add(new Served(channel, desktopId, transport));
    channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.writeAndFlush(msg);
      }
    });
    ByteBuf greeting = Unpooled.copiedBuffer(GREETING, StandardCharsets.US_ASCII);
    channel.writeAndFlush(greeting);
    return true;
  }

  @Override
  public Set<String> desktops() {
    return Set.of(DEFAULT_DESKTOP);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
