package org.plugvnc.engine.internal.net;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * At most one pending "try again shortly" on a session's I/O thread, however often it is asked
 * for, and none after {@link #cancel}: something waiting for room must not pile up a timer per
 * attempt. Scheduled on the I/O thread; cancelled from any thread.
 */
final class SingleRetry {

  /** How long to wait before trying again. */
  static final long DELAY_MILLIS = 100;

  private final EventExecutor executor;
  private volatile ScheduledFuture<?> pending;
  private volatile boolean cancelled;

  SingleRetry(EventExecutor executor) {
    this.executor = executor;
  }

  /** Runs {@code retry} after {@link #DELAY_MILLIS}, unless a retry is pending already. */
  void schedule(Runnable retry) {
    schedule(retry, DELAY_MILLIS * 1_000_000);
  }

  /** Runs {@code retry} after {@code delayNanos}, unless a retry is pending already. */
  void schedule(Runnable retry, long delayNanos) {
    if (pending != null || cancelled) {
      return;
    }
    pending = executor.schedule(() -> {
      pending = null;
      if (!cancelled) {
        retry.run();
      }
    }, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
  }

  /** No retry from now on. */
  void cancel() {
    cancelled = true;
    ScheduledFuture<?> p = pending;
    if (p != null) {
      p.cancel(false);
    }
  }
}
