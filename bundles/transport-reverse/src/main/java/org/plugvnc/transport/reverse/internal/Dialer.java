package org.plugvnc.transport.reverse.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.plugvnc.api.transport.RfbAcceptor;

/**
 * One connection out to a listening viewer: resolves its name, connects on an engine event loop,
 * and hands the channel to {@link RfbAcceptor#serve} (the server then speaks first, as in any RFB
 * connection). Name resolution blocks in the JDK, so it runs on the component's own resolver
 * threads, never on an event loop that serves viewers.
 */
final class Dialer {

  static final String TRANSPORT = "reverse";

  private final RfbAcceptor acceptor;
  private final ExecutorService resolver;

  Dialer(RfbAcceptor acceptor, ExecutorService resolver) {
    this.acceptor = acceptor;
    this.resolver = resolver;
  }

  /**
   * Connects to {@code viewer} and serves it {@code desktop}.
   *
   * @return completes with the served channel, or fails with an {@link IOException} that says
   *     why (unknown host, refused, timed out, no such desktop)
   */
  CompletableFuture<Channel> dial(EventLoop loop, ViewerAddress viewer, String desktop,
      int timeoutMillis) {
    if (!acceptor.desktops().contains(desktop)) {
      return CompletableFuture.failedFuture(new IOException("no desktop '" + desktop + "' is served"));
    }
    CompletableFuture<InetSocketAddress> resolved;
    try {
      resolved = CompletableFuture.supplyAsync(() -> resolve(viewer), resolver);
    } catch (RejectedExecutionException stopping) {
      return CompletableFuture.failedFuture(new IOException("reverse connections are stopping"));
    }
    return resolved.thenCompose(address -> connect(loop, address, desktop, timeoutMillis))
        .handle((ch, error) -> {
          if (error != null) {
            throw new CompletionException(reason(error));
          }
          return ch;
        });
  }

  private CompletableFuture<Channel> connect(EventLoop loop, InetSocketAddress address,
      String desktop, int timeoutMillis) {
    CompletableFuture<Channel> served = new CompletableFuture<>();
    ChannelFuture connected = new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            // nothing of ours in the pipeline: the engine's handlers are all the connection needs
          }
        })
        .connect(address);
    connected.addListener(f -> {
      if (!f.isSuccess()) {
        served.completeExceptionally(f.cause());
      } else if (acceptor.serve(connected.channel(), desktop, TRANSPORT)) {
        served.complete(connected.channel());
      } else {
        served.completeExceptionally(new IOException("no desktop '" + desktop + "' is served"));
      }
    });
    return served;
  }

  private static InetSocketAddress resolve(ViewerAddress viewer) {
    try {
      return new InetSocketAddress(InetAddress.getByName(viewer.host()), viewer.port());
    } catch (UnknownHostException e) {
      throw new CompletionException(new IOException("unknown host " + viewer.host()));
    }
  }

  /** The failure as one readable line's worth of exception. */
  private static IOException reason(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof IOException) {
      return (IOException) t;
    }
    return new IOException(t.toString(), t);
  }
}
