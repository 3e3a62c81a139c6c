package org.plugvnc.transport.reverse.internal;

import java.time.Duration;

/**
 * Exponential back-off between attempts to reach one viewer: the first wait is the minimum, each
 * further one doubles, up to the maximum. Not thread-safe: one viewer's event loop uses it.
 */
final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(Duration min, Duration max) {
    this.minMillis = Math.max(1, min.toMillis());
    this.maxMillis = Math.max(minMillis, max.toMillis());
    this.nextMillis = minMillis;
  }

  /** The wait before the next attempt; the one after it is twice as long (up to the maximum). */
  long nextMillis() {
    long wait = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return wait;
  }

  /** Back to the minimum, after a connection that held. */
  void reset() {
    nextMillis = minMillis;
  }
}
