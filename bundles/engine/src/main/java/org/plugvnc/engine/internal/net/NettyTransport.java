package org.plugvnc.engine.internal.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listeners, one per configured address of each desktop, and the door for other
 * transports' connections ({@link #serve}): every connection gets an {@link RfbConnection}. Socket
 * writes are bounded by a write-buffer water mark, which is what makes the update scheduler wait
 * for a slow viewer instead of queueing frames for it. While a protocol that shares the RFB port is
 * registered, a new TCP connection first goes through a {@link SharedPortWait}.
 */
public final class NettyTransport implements AutoCloseable {

  private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("plugvnc-accept", true));
  private final EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("plugvnc-io", true));
  private static final long GATE_CHECK_MILLIS = 1000;
  /** The most a connection's socket is read of in one pass of its event loop. */
  static final int READ_QUANTUM = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);

  /** The listening channels of each desktop, by the desktop's id, then by configured address. */
  private final Map<String, Map<InetSocketAddress, Channel>> listeners = new ConcurrentHashMap<>();
  /** Other transports' listeners, counted by the gate too; they leave when they close. */
  private final Set<Channel> guarded = ConcurrentHashMap.newKeySet();
  /** The open connections of each desktop, on any of its addresses (closed ones leave by themselves). */
  private final Map<String, ChannelGroup> connections = new ConcurrentHashMap<>();
  private final AcceptGate gate;
  private final Supplier<List<SharedPortProtocol>> sharedPort;

  /**
   * @param maxConnections the most connections open at once on all listeners (0: no limit)
   * @param sharedPort the protocols registered now that may share the RFB port
   */
  public NettyTransport(IntSupplier maxConnections, Supplier<List<SharedPortProtocol>> sharedPort) {
    this.sharedPort = sharedPort;
    gate = new AcceptGate(maxConnections, this::allListeners);
    every(GATE_CHECK_MILLIS, gate::recheck);
  }

  private List<Channel> allListeners() {
    return Stream.concat(listeners.values().stream().flatMap(m -> m.values().stream()),
        guarded.stream()).toList();
  }

  /**
   * Listens on {@code addresses} for desktop {@code id}, instead of that desktop's previous ones
   * (an address in both stays bound; connections accepted at a dropped one stay); returns the
   * addresses bound, once connections are accepted there. An address that cannot be bound is
   * logged and left out, unless none can: then the previous ones stay and it throws.
   *
   * @throws InterruptedException if interrupted while binding
   * @throws io.netty.channel.ChannelException (or an IOException) if no address can be bound
   */
  public List<InetSocketAddress> bind(String id, List<InetSocketAddress> addresses,
      ServerContext server) throws InterruptedException {
    ChannelGroup opened = connections.computeIfAbsent(id,
        k -> new DefaultChannelGroup("plugvnc-" + k, GlobalEventExecutor.INSTANCE));
    Map<InetSocketAddress, Channel> before = listeners.getOrDefault(id, Map.of());
    Map<InetSocketAddress, Channel> next = new LinkedHashMap<>();
    RuntimeException firstFailure = null;
    for (InetSocketAddress address : addresses) {
      Channel kept = before.get(address);
      if (kept != null && kept.isOpen()) {
        next.put(address, kept);
        continue;
      }
      try {
        next.put(address, listen(address, server, opened));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
        LOG.error("plugvnc: desktop {} cannot listen on {}: {}", id, address, e.toString());
        firstFailure = firstFailure == null
            ? new ChannelException("cannot listen on " + address + ": " + e.getMessage(), e)
            : firstFailure;
      }
    }
    if (next.isEmpty()) {
      throw firstFailure != null ? firstFailure
          : new IllegalArgumentException("desktop " + id + " has no address to listen on");
    }
    listeners.put(id, next);
    before.forEach((address, old) -> {
      if (next.get(address) != old) {
        old.close();
      }
    });
    List<InetSocketAddress> bound = new ArrayList<>();
    next.values().forEach(c -> bound.add((InetSocketAddress) c.localAddress()));
    return bound;
  }

  private Channel listen(InetSocketAddress address, ServerContext server, ChannelGroup opened)
      throws InterruptedException {
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        // One accept per loop, counted on the listener's own thread before the next: the gate's
        // pause then holds from the connection that reaches maxConnections on, exactly.
        .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
        .handler(gate.counter())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, sessionReads())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            opened.add(ch);
            List<SharedPortProtocol> sharing = sharedPort.get();
            long wait = server.settings().sharedPortWaitMillis();
            if (sharing.isEmpty() || wait <= 0) {
              addRfb(ch, server, "tcp");
            } else {
              ch.pipeline().addLast(SharedPortWait.NAME, new SharedPortWait(server, sharing, wait,
                  () -> addRfb(ch, server, "tcp")));
            }
          }
        });
    Channel next = b.bind(address).sync().channel();
    gate.rebound(next);
    return next;
  }

  /** Sets up {@code ch} for a viewer and puts the RFB handlers last in its pipeline. */
  private static void addRfb(Channel ch, ServerContext server, String transport) {
    int highWater = server.settings().sendBufferHighWater();
    ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(highWater / 2, highWater));
    ch.config().setRecvByteBufAllocator(sessionReads());
    ch.pipeline().addLast(RfbStream.RFB, new RfbConnection(server, transport)); // and RfbStream
  }

  /**
   * Serves another transport's active {@code channel} as a viewer of {@code server}'s desktop, on
   * the channel's event loop.
   */
  public void serve(Channel channel, ServerContext server, String transport) {
    connections.computeIfAbsent(server.desktopId(),
        k -> new DefaultChannelGroup("plugvnc-" + k, GlobalEventExecutor.INSTANCE)).add(channel);
    if (channel.eventLoop().inEventLoop()) {
      addRfb(channel, server, transport);
    } else {
      channel.eventLoop().execute(() -> addRfb(channel, server, transport));
    }
  }

  /** Counts {@code listener}'s connections with the engine's own, until it closes. */
  public void guard(ServerChannel listener) {
    listener.eventLoop().execute(() -> {
      listener.pipeline().addFirst("plugvnc-gate", gate.counter());
      guarded.add(listener);
      gate.rebound(listener);
      listener.closeFuture().addListener(f -> guarded.remove(listener));
    });
  }

  /** The I/O threads connections run on. */
  public EventLoopGroup ioThreads() {
    return workers;
  }

  /** Stops listening for desktop {@code id}; its connections stay until closed. */
  public void unbind(String id) {
    Map<InetSocketAddress, Channel> old = listeners.remove(id);
    if (old != null) {
      old.values().forEach(c -> c.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
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
    guarded.forEach(Channel::close);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
