package org.plugvnc.engine.internal.net;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bounds the clipboard text being received from all viewers together. Each ClientCutText is bounded
 * by {@code maxCutText}, but hundreds of viewers each holding one nearly complete would hold
 * hundreds of them; a long text is collected only with room reserved here, and a viewer that finds
 * none waits, its socket unread, until another text completes. Thread-safe.
 */
public final class InputBudget {

  private final LongSupplier limit;
  private final AtomicLong reserved = new AtomicLong();

  /** @param limit the most bytes of text being received at once, as of now */
  public InputBudget(LongSupplier limit) {
    this.limit = limit;
  }

  /** Reserves {@code bytes}; false (nothing reserved) when that would pass the limit. */
  boolean tryReserve(long bytes) {
    long max = limit.getAsLong();
    while (true) {
      long now = reserved.get();
      if (now + bytes > max) {
        return false;
      }
      if (reserved.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /** Whether {@code bytes} could ever be reserved, with nothing else reserved. */
  boolean fits(long bytes) {
    return bytes <= limit.getAsLong();
  }

  /** Gives back {@code bytes} reserved earlier. */
  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }
}
