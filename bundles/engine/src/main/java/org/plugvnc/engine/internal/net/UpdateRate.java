package org.plugvnc.engine.internal.net;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events per second over the last {@link #SECONDS} whole seconds, counted in one bucket per
 * second. One thread counts; any thread may read (a read racing a count may miss it).
 */
final class UpdateRate {

  static final int SECONDS = 5;
  private static final long SECOND = 1_000_000_000L;
  private static final int BUCKETS = SECONDS + 1;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  /** The second each bucket counts, so a stale bucket is told from a current one. */
  private final AtomicLongArray seconds = new AtomicLongArray(BUCKETS);

  UpdateRate() {
    for (int i = 0; i < BUCKETS; i++) {
      seconds.set(i, Long.MIN_VALUE);
    }
  }

  /** Counts one event at {@code nowNanos} ({@link System#nanoTime()}). */
  void count(long nowNanos) {
    long second = Math.floorDiv(nowNanos, SECOND);
    int slot = (int) Math.floorMod(second, (long) BUCKETS);
    if (seconds.get(slot) != second) {
      counts.set(slot, 0);
      seconds.set(slot, second);
    }
    counts.incrementAndGet(slot);
  }

  /** The mean rate over the {@link #SECONDS} whole seconds before the one of {@code nowNanos}. */
  double perSecond(long nowNanos) {
    long current = Math.floorDiv(nowNanos, SECOND);
    long sum = 0;
    for (int i = 0; i < BUCKETS; i++) {
      long s = seconds.get(i);
      if (s < current && s >= current - SECONDS) {
        sum += counts.get(i);
      }
    }
    return (double) sum / SECONDS;
  }
}
