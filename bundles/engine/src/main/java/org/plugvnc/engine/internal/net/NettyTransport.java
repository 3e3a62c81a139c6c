package org.plugvnc.engine.internal.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listener: a Netty server whose every connection gets an {@link RfbConnection}. Socket
 * writes are bounded by a write-buffer water mark, which is what makes the update scheduler wait
 * for a slow viewer instead of queueing frames for it.
 */
public final class NettyTransport implements AutoCloseable {

  private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("plugvnc-accept", true));
  private final EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("plugvnc-io", true));
  private static final long GATE_CHECK_MILLIS = 1000;
  /** The most a connection's socket is read of in one pass of its event loop. */
  static final int READ_QUANTUM = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);

  /** The listening channel of each desktop, by the desktop's id. */
  private final Map<String, Channel> listeners = new ConcurrentHashMap<>();
  /** The open connections of each desktop, on any of its addresses (closed ones leave by themselves). */
  private final Map<String, ChannelGroup> connections = new ConcurrentHashMap<>();
  private final AcceptGate gate;

  /** @param maxConnections the most connections open at once on all listeners (0: no limit) */
  public NettyTransport(IntSupplier maxConnections) {
    gate = new AcceptGate(maxConnections, listeners::values);
    every(GATE_CHECK_MILLIS, gate::recheck);
  }

  /**
   * Listens on {@code address} for desktop {@code id}, instead of that desktop's previous address if
   * there was one (connections accepted there stay); returns once connections are accepted.
   *
   * @throws InterruptedException if interrupted while binding
   * @throws io.netty.channel.ChannelException (or an IOException) if the address cannot be bound
   */
  public InetSocketAddress bind(String id, InetSocketAddress address, ServerContext server)
      throws InterruptedException {
    ChannelGroup opened = connections.computeIfAbsent(id,
        k -> new DefaultChannelGroup("plugvnc-" + k, GlobalEventExecutor.INSTANCE));
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        // One accept per loop, counted on the listener's own thread before the next: the gate's
        // pause then holds from the connection that reaches maxConnections on, exactly.
        .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object child) {
            gate.accepted((Channel) child);
            ctx.fireChannelRead(child);
          }
        })
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, sessionReads())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            int highWater = server.settings().sendBufferHighWater();
            ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(highWater / 2, highWater));
            ch.pipeline().addLast("rfb", new RfbConnection(server));
            opened.add(ch);
          }
        });
    Channel next = b.bind(address).sync().channel();
    gate.rebound(next);
    Channel old = listeners.put(id, next);
    if (old != null) {
      old.close();
    }
    return (InetSocketAddress) next.localAddress();
  }

  /** Stops listening for desktop {@code id}; its connections stay until closed. */
  public void unbind(String id) {
    Channel old = listeners.remove(id);
    if (old != null) {
      old.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }

  /**
   * Stops listening for desktop {@code id} and closes its connections still open (those in their
   * handshake: the desktop's sessions are closed first, with their reason), so that a viewer
   * authenticating on a desktop being removed does not wait for the handshake timeout.
   */
  public void closeDesktop(String id, String reason) {
    unbind(id);
    ChannelGroup open = connections.remove(id);
    if (open != null && !open.isEmpty()) {
      LOG.info("plugvnc: desktop {} closed ({}): closing {} connection(s) still in their handshake",
          id, reason, open.size());
      open.close();
    }
  }

  /**
   * How connections are read: one read of at most {@link #READ_QUANTUM} per pass of the event loop.
   * A loop serves many connections in turn, and what it reads it also decodes and answers before
   * the next one's turn; viewers that send without pause (a flood of SetPixelFormats and clipboard
   * texts, each answered to every viewer) would otherwise take up to four 64 KiB reads each per pass,
   * and a viewer on the same loop asking for an update waited seconds for its turn. It bounds, too,
   * what a paused connection can have taken in before the pause holds
   * (RfbConnection.MAX_BUFFERED_WHILE_PAUSED).
   */
  static RecvByteBufAllocator sessionReads() {
    return new AdaptiveRecvByteBufAllocator(64, 2048, READ_QUANTUM).maxMessagesPerRead(1);
  }

  /** Runs {@code task} every {@code periodMillis} on the accept thread until {@link #close}. */
  public void every(long periodMillis, Runnable task) {
    boss.scheduleAtFixedRate(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops listening and closes every connection; waits briefly for the threads. */
  @Override
  public void close() {
    for (String id : List.copyOf(listeners.keySet())) {
      unbind(id);
    }
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
