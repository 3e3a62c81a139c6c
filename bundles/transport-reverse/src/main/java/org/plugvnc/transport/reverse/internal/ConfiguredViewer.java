package org.plugvnc.transport.reverse.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.plugvnc.api.management.ReverseConnections.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A viewer the configuration names, kept connected: connected at start, retried with
 * exponential back-off while it cannot be reached, and connected again when its connection
 * ends (the back-off starts over after a connection that held for {@link #STABLE}). Stopping it
 * ends the retries but leaves a live session alone.
 *
 * <p>All state changes run on one event loop, the one its channels use, so they need no lock;
 * {@link #target()} reads a volatile snapshot from any thread.
 */
final class ConfiguredViewer {

  /** A connection that lasted this long was a real session: the next wait is the shortest. */
  static final Duration STABLE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredViewer.class);

  private final ViewerAddress address;
  private final EventLoop loop;
  private final Dialer dialer;
  private volatile Settings settings;
  private volatile Target target;
  private Backoff backoff;
  private boolean stopped;
  private ScheduledFuture<?> retry;
  private String lastFailure;

  ConfiguredViewer(ViewerAddress address, EventLoop loop, Dialer dialer, Settings settings) {
    this.address = address;
    this.loop = loop;
    this.dialer = dialer;
    this.settings = settings;
    this.backoff = new Backoff(settings.retryMin(), settings.retryMax());
    this.target = target("connecting", "");
  }

  ViewerAddress address() {
    return address;
  }

  Target target() {
    return target;
  }

  void start() {
    loop.execute(this::attempt);
  }

  /** New settings: the desktop applies from the next connection, the back-off from now. */
  void update(Settings next) {
    loop.execute(() -> {
      settings = next;
      backoff = new Backoff(next.retryMin(), next.retryMax());
      Target t = target;
      target = new Target(t.host(), t.port(), next.desktop(), true, t.state(), t.detail());
    });
  }

  /** Ends the retries; a session that is up stays up. */
  void stop() {
    try {
      loop.execute(() -> {
        stopped = true;
        if (retry != null) {
          retry.cancel(false);
        }
      });
    } catch (RejectedExecutionException engineStopped) {
      // the loop ended with the engine, and its scheduled retry with it
    }
  }

  private void attempt() {
    retry = null;
    if (stopped) {
      return;
    }
    Settings s = settings;
    target = target("connecting", lastFailure == null ? "" : lastFailure);
    dialer.dial(loop, address, s.desktop(), s.connectTimeoutMillis()).whenComplete(
        (ch, error) -> loop.execute(() -> {
          if (error == null) {
            connected(ch, s.desktop());
          } else {
            failed(error.getCause() == null ? error.getMessage() : error.getCause().getMessage());
          }
        }));
  }

  private void connected(Channel ch, String desktop) {
    long since = System.nanoTime();
    LOG.info("Reverse connection to viewer {} is up, desktop '{}' (the viewer authenticates now)",
        address, desktop);
    lastFailure = null;
    target = target("connected", "");
    ch.closeFuture().addListener(f -> loop.execute(() -> ended(since)));
  }

  private void ended(long since) {
    if (stopped) {
      return;
    }
    Duration lasted = Duration.ofNanos(System.nanoTime() - since);
    if (lasted.compareTo(STABLE) >= 0) {
      backoff.reset();
    }
    long wait = backoff.nextMillis();
    LOG.info("Reverse connection to viewer {} ended after {} s; connecting again in {} ms", address,
        lasted.toSeconds(), wait);
    schedule(wait, "connection ended");
  }

  private void failed(String reason) {
    if (stopped) {
      return;
    }
    long wait = backoff.nextMillis();
    if (!reason.equals(lastFailure)) {
      LOG.warn("Reverse connection to viewer {} failed: {}; retrying in {} ms (back-off up to {} s;"
          + " the same failure again is logged at debug level)", address, reason, wait,
          settings.retryMax().toSeconds());
    } else {
      LOG.debug("Reverse connection to viewer {} failed again: {}; retrying in {} ms", address,
          reason, wait);
    }
    lastFailure = reason;
    schedule(wait, reason);
  }

  private void schedule(long waitMillis, String why) {
    target = target("waiting", why + "; next attempt in " + waitMillis + " ms");
    retry = loop.schedule(this::attempt, waitMillis, TimeUnit.MILLISECONDS);
  }

  private Target target(String state, String detail) {
    return new Target(address.host(), address.port(), settings.desktop(), true, state, detail);
  }
}
