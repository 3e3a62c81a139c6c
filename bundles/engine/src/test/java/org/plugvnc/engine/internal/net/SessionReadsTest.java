package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the server reads its connections ({@link NettyTransport#sessionReads()}), on a real Netty
 * event loop and a real socket: a peer that has sent a lot at once is read in small turns, one
 * per pass of the loop, so that the other connections on the loop get their turns in between.
 */
class SessionReadsTest {

  private static final int SENT = 4 * 1024 * 1024;

  @Test
  @Timeout(30)
  void aPeerThatSentMuchIsReadAtMostOneQuantumPerPass() throws Exception {
    AtomicLong pass = new AtomicLong();
    AtomicLong largestPass = new AtomicLong();
    AtomicLong passes = new AtomicLong();
    AtomicLong total = new AtomicLong();
    CountDownLatch all = new CountDownLatch(1);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.RCVBUF_ALLOCATOR, NettyTransport.sessionReads())
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  ByteBuf in = (ByteBuf) msg;
                  pass.addAndGet(in.readableBytes());
                  if (total.addAndGet(in.readableBytes()) == SENT) {
                    all.countDown();
                  }
                  in.release();
                }

                @Override
                public void channelReadComplete(ChannelHandlerContext ctx) {
                  // one call per pass of the loop over this channel's reads
                  largestPass.accumulateAndGet(pass.getAndSet(0), Math::max);
                  passes.incrementAndGet();
                }
              });
            }
          })
          .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      try (Socket peer = new Socket("127.0.0.1", port)) {
        OutputStream out = peer.getOutputStream();
        out.write(new byte[SENT]); // far more than one read: the kernel holds the rest meanwhile
        out.flush();
        assertTrue(all.await(20, TimeUnit.SECONDS), "only " + total.get() + " bytes arrived");
      }
      server.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
    assertEquals(SENT, total.get());
    assertTrue(largestPass.get() <= NettyTransport.READ_QUANTUM,
        "a pass read " + largestPass.get() + " bytes of one connection");
    assertTrue(passes.get() >= SENT / NettyTransport.READ_QUANTUM,
        "all was read in " + passes.get() + " passes");
  }
}
