package org.plugvnc.transport.unix.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.transport.RfbAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves viewers over a Unix domain socket: a listener on the engine's I/O threads whose
 * connections go to {@link RfbAcceptor#serve}, counted against the server's connection cap
 * ({@link RfbAcceptor#guard}). The engine treats these peers as this machine for its
 * per-address limits.
 *
 * <p>It uses Netty's NIO {@link NioServerDomainSocketChannel} (JDK 16+ Unix domain sockets), not
 * the epoll transport: NIO needs no native library (netty-transport-native-epoll is not available
 * for Netty 4.1.138 here), and a NIO channel registers with the engine's own NIO event loops, so
 * no second set of threads runs for this transport.
 *
 * <p>Every configuration change deactivates and activates the component again (there is no
 * {@code @Modified} on purpose): the old socket is closed and removed, the new one bound. Viewers
 * already connected keep their sessions; so does a viewer while the engine stays up, since
 * closing a listener closes none of its accepted connections.
 */
@Component(service = {}, configurationPid = UnixSocketTransport.PID)
@Designate(ocd = UnixSocketConfiguration.class)
public final class UnixSocketTransport {

  static final String PID = "org.plugvnc.transport.unix";
  static final String TRANSPORT = "unix";

  private static final Logger LOG = LoggerFactory.getLogger(UnixSocketTransport.class);
  private static final long BIND_TIMEOUT_SECONDS = 10;

  private final RfbAcceptor acceptor;
  private final String desktop;
  private final SocketFile file;
  private volatile Channel listener;

  /** Binds the socket configured, if any; a failure is logged and leaves the transport off. */
  @Activate
  public UnixSocketTransport(@Reference RfbAcceptor acceptor, BundleContext context,
      UnixSocketConfiguration config) {
    this(acceptor, PlugvncHome.of(context::getProperty), config.path(), config.desktop());
  }

  UnixSocketTransport(RfbAcceptor acceptor, Path home, String path, String desktop) {
    this.acceptor = acceptor;
    this.desktop = desktop == null || desktop.isBlank() ? RfbAcceptor.DEFAULT_DESKTOP : desktop.trim();
    if (path == null || path.isBlank()) {
      this.file = null;
      LOG.debug("Unix domain socket off: no path is configured ({})", PID);
      return;
    }
    this.file = new SocketFile(PlugvncHome.resolve(home, path, ""));
    try {
      listener = bind();
      LOG.info("Listening on Unix domain socket {} (owner-only) for desktop '{}'", file.path(),
          this.desktop);
    } catch (IOException | RuntimeException e) {
      LOG.error("Unix domain socket {} not opened: {}", file.path(), e.toString());
    }
  }

  private Channel bind() throws IOException {
    file.prepare();
    Path bindAt = file.privateBindPath();
    ChannelFuture bound = new ServerBootstrap()
        .group(acceptor.ioThreads())
        .channel(NioServerDomainSocketChannel.class)
        // one accept per read, so that the engine's connection cap is exact (RfbAcceptor.guard)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted(ch);
          }
        })
        .bind(UnixDomainSocketAddress.of(bindAt));
    if (!bound.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !bound.isSuccess()) {
      bound.channel().close();
      SocketFile.discardPrivate(bindAt);
      throw new IOException("cannot bind: " + (bound.cause() == null ? "timed out" : bound.cause()));
    }
    Channel channel = bound.channel();
    acceptor.guard((ServerChannel) channel);
    try {
      file.publish(bindAt);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  private void accepted(Channel ch) {
    String user = PeerCredentials.user(ch).map(u -> "user " + u).orElse("a local process");
    LOG.info("Viewer connected on Unix domain socket {}: {}", file.path(), user);
    if (!acceptor.serve(ch, desktop, TRANSPORT)) {
      LOG.warn("Unix domain socket {}: desktop '{}' is not served, connection closed", file.path(),
          desktop);
    }
  }

  /** Closes the listener (its viewers stay) and removes the socket file. */
  @Deactivate
  void deactivate() {
    Channel channel = listener;
    listener = null;
    if (channel == null) {
      return;
    }
    channel.close().awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    try {
      if (file.remove()) {
        LOG.info("Unix domain socket {} closed and removed", file.path());
      } else {
        LOG.info("Unix domain socket {} closed; the file there now is not ours and stays",
            file.path());
      }
    } catch (IOException e) {
      LOG.warn("Unix domain socket {} closed; the file could not be removed: {}", file.path(),
          e.toString());
    }
  }

  /** The socket file's path while listening, for tests. */
  Path listeningAt() {
    return listener == null ? null : file.path();
  }
}
