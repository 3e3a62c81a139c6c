package org.plugvnc.transport.websocket.internal;

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
 * An engine stand-in on real I/O threads for the socket tests (the in-framework tests use the
 * real engine): it greets each served channel with an RFB version and echoes what comes.
 */
final class LoopbackEngine implements RfbAcceptor, AutoCloseable {

  static final String GREETING = "RFB 003.008\n";

  final EventLoopGroup group = new NioEventLoopGroup(2);
  final List<ServerChannel> guarded = new CopyOnWriteArrayList<>();
  final List<String> served = new CopyOnWriteArrayList<>();

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
    served.add(desktopId + "/" + transport);
    channel.pipeline().addLast("echo", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.writeAndFlush((ByteBuf) msg);
      }
    });
    channel.writeAndFlush(Unpooled.copiedBuffer(GREETING, StandardCharsets.US_ASCII));
    return true;
  }

  @Override
  public Set<String> desktops() {
    return Set.of(DEFAULT_DESKTOP, "other");
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
