package org.plugvnc.engine.internal.net;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.plugvnc.api.management.SessionEvent;
import org.plugvnc.api.management.SessionListener;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands connection events to the registered {@link SessionListener}s on one thread of its own, in
 * the order they happened, so that no listener ever runs on (or slows) an I/O thread. The queue is
 * bounded: a flood of connections cannot make it grow without end; events beyond it are dropped
 * and counted, and the count is logged at most once a minute. Without listeners nothing is made.
 */
public final class SessionEvents implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);
  /** Events waiting for the listeners at most; about 200 bytes each. */
  static final int QUEUE = 10_000;
  private static final long DROP_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "plugvnc-events");
        t.setDaemon(true);
        return t;
      });
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_NANOS);

  /** Events of every desktop, each named in its event. */
  public SessionEvents() {
    thread.allowCoreThreadTimeOut(true);
  }

  /** Adds a listener; it gets events from now on. */
  public void add(SessionListener l) {
    listeners.add(l);
  }

  /** Removes a listener; an event being delivered may still reach it. */
  public void remove(SessionListener l) {
    listeners.remove(l);
  }

  void connected(ConnectionRecord r) {
    publish(SessionEvent.Kind.CONNECTED, r, "");
  }

  void authenticated(ConnectionRecord r) {
    publish(SessionEvent.Kind.AUTHENTICATED, r, "");
  }

  void authenticationFailed(ConnectionRecord r, String reason) {
    publish(SessionEvent.Kind.AUTHENTICATION_FAILED, r, reason);
  }

  void disconnected(ConnectionRecord r, String reason) {
    publish(SessionEvent.Kind.DISCONNECTED, r, reason);
  }

  private void publish(SessionEvent.Kind kind, ConnectionRecord r, String reason) {
    if (listeners.isEmpty()) {
      return;
    }
    Identity who = r.identity();
    int type = r.securityType();
    SessionEvent event = new SessionEvent(kind, r.id(), r.desktop(), r.peer(),
        type == Rfb.SECURITY_INVALID ? "" : Rfb.securityTypeName(type),
        who == null ? "" : who.name(), reason, Instant.now());
    try {
      thread.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      long n = dropped.incrementAndGet();
      long now = System.nanoTime();
      long last = lastDropLog.get();
      if (now - last >= DROP_LOG_NANOS && lastDropLog.compareAndSet(last, now)) {
        LOG.warn("plugvnc: {} session event(s) dropped so far: the listeners are slower than the "
            + "connections", n);
      }
    }
  }

  private void deliver(SessionEvent event) {
    for (SessionListener l : listeners) {
      try {
        l.sessionEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("plugvnc: session listener {} failed on {}", l, event.kind(), e);
      }
    }
  }

  /** Events dropped because the queue was full, since start. */
  long dropped() {
    return dropped.get();
  }

  /** Delivers nothing more; events still queued are discarded. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
