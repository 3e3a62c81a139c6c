package org.plugvnc.engine.internal.net;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Refuses addresses that keep failing authentication, as TigerVNC's blacklist does: after
 * {@code threshold} consecutive failures an address is refused for a while; each failure after a
 * block doubles the next block (up to an hour); a success forgets the address. Bounded: it tracks at
 * most {@link #MAX_TRACKED} addresses, dropping those no longer blocked first. Thread-safe.
 */
public final class AuthFailureThrottle {

  static final int MAX_TRACKED = 10_000;
  private static final long MAX_BLOCK_MILLIS = 3_600_000;

  private static final class Entry {
    int failures;
    long blockMillis;
    long blockedUntilNanos;
  }

  private final int threshold;
  private final long initialBlockMillis;
  private final LongSupplier nanoTime;
  private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param threshold consecutive failures before an address is blocked; 0 never blocks
   * @param initialBlockMillis how long the first block lasts
   * @param nanoTime the clock ({@code System::nanoTime} outside tests)
   */
  public AuthFailureThrottle(int threshold, long initialBlockMillis, LongSupplier nanoTime) {
    this.threshold = threshold;
    this.initialBlockMillis = initialBlockMillis;
    this.nanoTime = nanoTime;
  }

  /** Whether {@code address} is refused now. */
  public boolean blocked(InetAddress address) {
    Entry e = entries.get(address);
    if (e == null) {
      return false;
    }
    synchronized (e) {
      return e.blockedUntilNanos != 0 && nanoTime.getAsLong() - e.blockedUntilNanos < 0;
    }
  }

  /** Records a failed authentication from {@code address}. */
  public void failed(InetAddress address) {
    if (threshold <= 0) {
      return;
    }
    if (entries.size() >= MAX_TRACKED && !entries.containsKey(address)) {
      evict();
    }
    Entry e = entries.computeIfAbsent(address, a -> new Entry());
    synchronized (e) {
      e.failures++;
      boolean afterBlock = e.blockMillis > 0;
      if (afterBlock || e.failures >= threshold) {
        e.blockMillis = afterBlock ? Math.min(e.blockMillis * 2, MAX_BLOCK_MILLIS) : initialBlockMillis;
        e.blockedUntilNanos = nanoTime.getAsLong() + e.blockMillis * 1_000_000;
      }
    }
  }

  /** Records a successful authentication: the address starts afresh. */
  public void succeeded(InetAddress address) {
    entries.remove(address);
  }

  private void evict() {
    for (Iterator<InetAddress> it = entries.keySet().iterator(); it.hasNext(); ) {
      if (!blocked(it.next())) {
        it.remove();
      }
    }
    if (entries.size() >= MAX_TRACKED) {
      entries.clear(); // every tracked address is blocked: a flood; start over rather than grow
    }
  }
}
