package org.plugvnc.transport.websocket.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.plugvnc.api.transport.RfbAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server channels of one configuration: one per configured address, on the engine's I/O
 * threads, each counted by the engine's connection limit ({@link RfbAcceptor#guard}, one accept
 * per read so that the limit is exact). Closing them leaves the connections they accepted open.
 */
final class WebListeners {

  private static final Logger LOG = LoggerFactory.getLogger(WebListeners.class);

  private final List<Channel> channels;

  private WebListeners(List<Channel> channels) {
    this.channels = channels;
  }

  /**
   * Binds every address of {@code settings}, waiting for each; one that fails is logged, all
   * failing is logged as an error and leaves no listener. {@code init} sets up each accepted
   * connection (on its event loop).
   */
  static WebListeners bind(RfbAcceptor acceptor, WebSettings settings, Consumer<Channel> init) {
    ServerBootstrap b = new ServerBootstrap()
        .group(acceptor.ioThreads())
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(1))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            init.accept(ch);
          }
        });
    List<Channel> bound = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String address : settings.addresses()) {
      ChannelFuture f = b.bind(new InetSocketAddress(address, settings.port())).awaitUninterruptibly();
      if (f.isSuccess()) {
        acceptor.guard((ServerChannel) f.channel());
        bound.add(f.channel());
        LOG.info("WebSocket transport listening on {} (desktop {}, WebSocket path {})",
            f.channel().localAddress(), settings.desktop(), settings.path());
      } else {
        failed.add(address);
        LOG.warn("WebSocket transport cannot listen on {} port {}: {}", address, settings.port(),
            String.valueOf(f.cause()));
      }
    }
    if (bound.isEmpty() && !failed.isEmpty()) {
      LOG.error("WebSocket transport: no listener, every address failed ({} port {})", failed, settings.port());
    }
    return new WebListeners(List.copyOf(bound));
  }

  /** No listener at all (the transport is disabled). */
  static WebListeners none() {
    return new WebListeners(List.of());
  }

  /** The bound addresses, for tests and the log. */
  List<InetSocketAddress> addresses() {
    List<InetSocketAddress> result = new ArrayList<>();
    for (Channel c : channels) {
      result.add((InetSocketAddress) c.localAddress());
    }
    return result;
  }

  /**
   * Closes the listeners and waits for it (not on their own event loop, where waiting would
   * deadlock), so that the port is free for a listener bound next; accepted connections stay.
   */
  void close() {
    for (Channel c : channels) {
      ChannelFuture f = c.close();
      if (!c.eventLoop().inEventLoop()) {
        f.awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }
}
