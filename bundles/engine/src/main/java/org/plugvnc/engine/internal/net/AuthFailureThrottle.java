package org.plugvnc.engine.internal.net;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses addresses that keep failing authentication, as TigerVNC's blacklist does, but counts
 * answers as they are judged rather than connections as they arrive.
 *
 * <p>Why judgements: a client can open any number of handshakes before the first one fails, so a
 * check at connect time lets all of them be judged. The security phase therefore asks
 * {@link #judge} just before it hands a handshake bytes that may hold an answer. The failures plus
 * the judgements in progress of one address never exceed {@code threshold}, so at most
 * {@code threshold} answers from it are judged before it is blocked, however many handshakes run in
 * parallel and however long their checks take. The block lasts {@code initialBlockMillis}; after
 * it one answer at a time is judged, and its failure blocks again for twice as long (up to an
 * hour). A success forgets the address, unless a block began meanwhile: a block always runs until
 * its time is up.
 *
 * <p>Why {@link #configure}: the server keeps one throttle for its whole life and reconfigures it,
 * so that editing the configuration does not wipe the blocks an attacker has earned.
 *
 * <p>Bounded: at most {@link #MAX_TRACKED} addresses. An address is tracked only while it has
 * failures, a running block, the memory of a past block, or judgements in progress. When the table
 * is full, entries that block nobody now are evicted, oldest activity first, a tenth of the table
 * at a time; a running block or a judgement in progress is never evicted. If nothing can be
 * evicted, a new address is not tracked and {@link #judge} grants it without counting. The
 * trade-off: during a flood from more than {@code MAX_TRACKED} addresses the further ones are not
 * throttled, rather than one address's failures locking out another, or the blocks being dropped.
 * A warning says so, at most once a minute.
 *
 * <p>Thread-safe: Netty I/O threads and worker threads call it at once. One lock guards the table;
 * every method holds it briefly, never blocks on anything else, and throws nothing at run time.
 */
public final class AuthFailureThrottle {

  static final int MAX_TRACKED = 10_000;
  static final int EVICTION_BATCH = MAX_TRACKED / 10;
  static final long MAX_BLOCK_MILLIS = 3_600_000;
  /** What an int number of seconds can express; keeps block ends far from overflowing. */
  static final long MAX_INITIAL_BLOCK_MILLIS = 1000L * Integer.MAX_VALUE;
  private static final long NANOS_PER_MILLI = 1_000_000;
  private static final long WARNING_INTERVAL_NANOS = 60_000 * NANOS_PER_MILLI;
  private static final Logger LOG = LoggerFactory.getLogger(AuthFailureThrottle.class);

  /** What the throttle knows about one address; guarded by the throttle's lock. */
  private static final class Entry {
    /** Failures since the last block began. */
    int failures;
    int judging;
    /** Length of the last block; 0 when the address was never blocked or was forgiven since. */
    long blockMillis;
    long blockEndNanos;

    boolean blocking(long now) {
      return blockMillis > 0 && now - blockEndNanos < 0;
    }

    /** How many failures plus judgements in progress the address may have. */
    int allowance(int threshold) {
      return blockMillis > 0 ? 1 : threshold;
    }

    boolean holdsNothing() {
      return failures == 0 && judging == 0 && blockMillis == 0;
    }

    boolean evictable(long now) {
      return judging == 0 && !blocking(now);
    }

    void block(long now, long initialBlockMillis) {
      blockMillis = blockMillis > 0 ? doubled(blockMillis) : initialBlockMillis;
      blockEndNanos = now + blockMillis * NANOS_PER_MILLI;
      failures = 0;
    }

    private static long doubled(long millis) {
      return millis > MAX_BLOCK_MILLIS / 2 ? Math.max(millis, MAX_BLOCK_MILLIS) : millis * 2;
    }
  }

  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  /** In access order, so that iteration meets the address with the oldest activity first. */
  private final LinkedHashMap<InetAddress, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private int threshold = 5;
  private long initialBlockMillis = 10_000;
  /** Cleared by a scan that could evict nothing; set when an entry may have become evictable. */
  private boolean mayEvict = true;
  /** After a fruitless scan: the earliest time a running block ends and frees its entry. */
  private long noEvictionBeforeNanos;
  private boolean warned;
  private long lastWarningNanos;

  /**
   * Starts with threshold 5 and a first block of 10 s, until {@link #configure} says otherwise.
   *
   * @param nanoTime the clock ({@code System::nanoTime} outside tests); called under the lock
   */
  public AuthFailureThrottle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Changes the rules for later decisions; called by the server component when its configuration
   * changes. Every entry is kept: failures keep counting, running blocks keep their end time, and
   * an address with more failures than a lowered threshold allows is blocked when next asked about.
   *
   * @param threshold failures after which an address is blocked; 0 turns the throttle off (nothing
   *     is blocked, {@link #judge} always grants) without forgetting what it knows
   * @param initialBlockMillis how long a first block lasts
   * @throws IllegalArgumentException when a value is negative or the block exceeds
   *     {@link #MAX_INITIAL_BLOCK_MILLIS}
   */
  public void configure(int threshold, long initialBlockMillis) {
    if (threshold < 0 || initialBlockMillis < 0 || initialBlockMillis > MAX_INITIAL_BLOCK_MILLIS) {
      throw new IllegalArgumentException("threshold " + threshold + ", block " + initialBlockMillis
          + " ms: neither may be negative, the block at most " + MAX_INITIAL_BLOCK_MILLIS + " ms");
    }
    synchronized (lock) {
      this.threshold = threshold;
      this.initialBlockMillis = initialBlockMillis;
    }
  }

  /**
   * Whether {@code address} is refused now; asked when a connection arrives, to refuse it early.
   * Always false while the throttle is off.
   */
  public boolean blocked(InetAddress address) {
    synchronized (lock) {
      Entry e = entries.get(address);
      return threshold > 0 && e != null && blocking(e, now());
    }
  }

  /**
   * Asks leave to judge one answer from {@code address}; called just before a security handshake
   * is handed bytes that may contain an answer (a response, a password).
   *
   * @return null when the answer must be refused without being judged: the address is blocked, or
   *     its failures plus judgements in progress reached the threshold. Otherwise a judgement,
   *     counted as in progress until the caller ends it with exactly one verdict.
   */
  public Judgement judge(InetAddress address) {
    synchronized (lock) {
      if (threshold == 0) {
        return new Judgement(address, false);
      }
      long now = now();
      Entry e = entries.get(address);
      if (e != null && (blocking(e, now) || e.failures + e.judging >= e.allowance(threshold))) {
        return null;
      }
      if (e == null) {
        e = admit(address, now);
      }
      if (e == null) {
        return new Judgement(address, false);
      }
      e.judging++;
      return new Judgement(address, true);
    }
  }

  /**
   * Records a failed answer that was not obtained through {@link #judge}; the security phase calls
   * it until it judges answers. Blocks at the threshold, as {@link Judgement#failed} does.
   */
  public void failed(InetAddress address) {
    synchronized (lock) {
      recordFailure(address, now());
    }
  }

  /**
   * Records a success that was not obtained through {@link #judge}: forgets the address's failures
   * unless it is blocked.
   *
   * @return false when the address is blocked, so the caller should refuse the success
   */
  public boolean succeeded(InetAddress address) {
    synchronized (lock) {
      return recordSuccess(address, now());
    }
  }

  /** How many addresses are tracked; for tests. */
  int tracked() {
    synchronized (lock) {
      return entries.size();
    }
  }

  private long now() {
    return nanoTime.getAsLong();
  }

  /** Whether {@code e} blocks now, first blocking it if a lowered threshold says it should. */
  private boolean blocking(Entry e, long now) {
    if (threshold > 0 && !e.blocking(now) && e.failures >= e.allowance(threshold)) {
      e.block(now, initialBlockMillis);
    }
    return e.blocking(now);
  }

  private void recordFailure(InetAddress address, long now) {
    Entry e = entries.get(address);
    if (threshold > 0) {
      if (e == null) {
        e = admit(address, now);
      }
      if (e != null) {
        e.failures++;
        if (e.failures >= e.allowance(threshold)) {
          e.block(now, initialBlockMillis);
        }
      }
    }
    settle(address, e, now);
  }

  private boolean recordSuccess(InetAddress address, long now) {
    Entry e = entries.get(address);
    if (e == null) {
      return true;
    }
    if (blocking(e, now)) {
      return threshold == 0; // off refuses nothing, but keeps the block for when it is back on
    }
    e.failures = 0;
    e.blockMillis = 0;
    settle(address, e, now);
    return true;
  }

  /** Drops an entry that holds nothing, or notes that the table may have room again. */
  private void settle(InetAddress address, Entry e, long now) {
    if (e == null) {
      return;
    }
    if (e.holdsNothing()) {
      entries.remove(address);
    } else if (e.evictable(now)) {
      mayEvict = true;
    }
  }

  /** A new entry for {@code address}, or null when the table is full of entries that must stay. */
  private Entry admit(InetAddress address, long now) {
    if (entries.size() >= MAX_TRACKED && !evictIdle(now)) {
      warnUntracked(now);
      return null;
    }
    Entry e = new Entry();
    entries.put(address, e);
    return e;
  }

  /**
   * Evicts up to {@link #EVICTION_BATCH} entries that block nobody now, oldest activity first.
   * After a scan that found none, scans again only once an entry may have become evictable, so a
   * flood of new addresses does not rescan the whole table for each one.
   *
   * @return whether it made room
   */
  private boolean evictIdle(long now) {
    if (!mayEvict && now - noEvictionBeforeNanos < 0) {
      return false;
    }
    int evicted = 0;
    // Without running blocks only an ending judgement, which sets mayEvict, frees an entry.
    long earliestEnd = now + MAX_BLOCK_MILLIS * NANOS_PER_MILLI;
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext() && evicted < EVICTION_BATCH) {
      Entry e = it.next();
      if (e.evictable(now)) {
        it.remove();
        evicted++;
      } else if (e.blocking(now) && e.blockEndNanos - earliestEnd < 0) {
        earliestEnd = e.blockEndNanos;
      }
    }
    if (evicted == 0) {
      mayEvict = false;
      noEvictionBeforeNanos = earliestEnd;
    }
    return evicted > 0;
  }

  /** Logs under the lock: it happens at most once a minute. */
  private void warnUntracked(long now) {
    if (warned && now - lastWarningNanos < WARNING_INTERVAL_NANOS) {
      return;
    }
    warned = true;
    lastWarningNanos = now;
    LOG.warn("the authentication throttle tracks {} blocked addresses; failures from further "
        + "addresses are not counted", entries.size());
  }

  /**
   * Leave to judge one answer, from {@link #judge}. The caller ends it with exactly one of
   * {@link #succeeded}, {@link #failed} or {@link #abandoned}, on any thread; further calls are
   * ignored. A judgement that is never ended keeps its address's slot, so the caller must end it
   * on every path, including a closed connection. Thread-safe.
   */
  public final class Judgement {

    private final InetAddress address;
    /** Whether the judgement is counted in its address's entry. */
    private final boolean counted;
    private boolean ended;

    private Judgement(InetAddress address, boolean counted) {
      this.address = address;
      this.counted = counted;
    }

    /**
     * The answer was right: forgets the address's failures, unless the address became blocked
     * while the answer was judged (a handshake admitted before the threshold was lowered, or a
     * failure recorded through {@link AuthFailureThrottle#failed}); then the block runs on and
     * nothing is forgotten.
     *
     * @return whether the success stands; false when the address is blocked, so the caller must
     *     refuse the connection instead, or when this judgement had already ended
     */
    public boolean succeeded() {
      synchronized (lock) {
        if (!end()) {
          return false;
        }
        return recordSuccess(address, now());
      }
    }

    /** The answer was wrong: counts a failure, blocking the address at the threshold. */
    public void failed() {
      synchronized (lock) {
        if (end()) {
          recordFailure(address, now());
        }
      }
    }

    /** No verdict (the handshake needs more bytes, or the connection closed): counts nothing. */
    public void abandoned() {
      synchronized (lock) {
        if (end()) {
          settle(address, entries.get(address), now());
        }
      }
    }

    /**
     * Whether the address is blocked now. For a caller that must decide before it can end the
     * judgement; otherwise the result of {@link #succeeded} is the race-free answer.
     */
    public boolean blockedNow() {
      return blocked(address);
    }

    private boolean end() {
      if (ended) {
        return false;
      }
      ended = true;
      if (counted) {
        entries.get(address).judging--; // an entry with a judgement in progress is never removed
      }
      return true;
    }
  }
}
