package org.plugvnc.engine.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops accepting connections while {@code maxConnections} are open, and accepts again once one
 * closes. Each connection costs a file descriptor however early it is refused, and the JVM's
 * descriptors are shared with everything else in the container: a flood of connections from many
 * addresses must not take them all. New connections wait in the kernel's backlog meanwhile: the
 * listener accepts one connection per loop and counts it on its own thread, so none gets past the
 * limit. Thread-safe.
 */
final class AcceptGate {

  private static final Logger LOG = LoggerFactory.getLogger(AcceptGate.class);

  private final AtomicInteger open = new AtomicInteger();
  private final IntSupplier max;
  private final Supplier<Collection<Channel>> listeners;
  private boolean paused;
  private final ChannelHandler counter = new Counter();

  @ChannelHandler.Sharable
  private final class Counter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object child) {
      accepted((Channel) child);
      ctx.fireChannelRead(child);
    }
  }

  /**
   * @param max the most connections open at once, as of now (0: no limit)
   * @param listeners the listening channels now
   */
  AcceptGate(IntSupplier max, Supplier<Collection<Channel>> listeners) {
    this.max = max;
    this.listeners = listeners;
  }

  /** A listener's handler that counts what it accepts; shared by every listener. */
  ChannelHandler counter() {
    return counter;
  }

  /**
   * A connection was accepted; counted until it closes. The listener's thread, before it accepts
   * another (so a pause holds from the next accept on); pausing and resuming are
   * one step each under the gate's lock, so a close racing an accept cannot leave it paused.
   */
  synchronized void accepted(Channel connection) {
    int now = open.incrementAndGet();
    connection.closeFuture().addListener(f -> closed());
    int limit = max.getAsInt();
    if (limit > 0 && now >= limit && !paused) {
      paused = true;
      setAccepting(false);
      LOG.warn("{} connections are open (maxConnections): not accepting more until one closes", now);
    }
  }

  private synchronized void closed() {
    int now = open.decrementAndGet();
    int limit = max.getAsInt();
    if (paused && (limit <= 0 || now < limit)) {
      paused = false;
      setAccepting(true);
      LOG.info("accepting connections again ({} open)", now);
    }
  }

  /**
   * A new listener (another desktop's, or one replacing an old one) starts in the gate's state,
   * so a bind while at the cap does not open it. Called before the new listener is published.
   */
  synchronized void rebound(Channel next) {
    if (paused) {
      next.config().setAutoRead(false);
    }
  }

  /**
   * Puts the pause back if something else lifted it (Netty turns accepting back on a second after
   * an accept failed, such as running out of descriptors). Periodically, any thread.
   */
  synchronized void recheck() {
    for (Channel l : listeners.get()) {
      if (paused && l.config().isAutoRead()) {
        l.config().setAutoRead(false);
      }
    }
  }

  private void setAccepting(boolean on) {
    for (Channel l : listeners.get()) {
      l.config().setAutoRead(on);
    }
  }
}
