package org.plugvnc.engine.internal.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the output queued for all viewers together under a limit. Each viewer's queue is bounded
 * (its high-water mark plus one message), but a hundred viewers that ask for full updates and never
 * read would each hold a whole frame, and together take the memory every viewer's next update
 * needs.
 *
 * <p>So an update is encoded only if it fits ({@link #tryReserve}); one that does not waits and is
 * tried again, and the periodic {@link #run} then closes viewers that are not reading, largest
 * queue first, until what was asked for fits. Not reading means their queue has not moved for
 * {@link #STALLED_MILLIS}, whether or not it is above the high-water mark: a viewer that keeps its
 * queue just below it and never reads holds memory too. A viewer that reads is never closed for
 * it; it waits about a second at most while the others are shed.
 * Thread-safe: sessions' queue sizes may be read from any thread.
 */
public final class OutputBudget implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputBudget.class);
  private static final long MIB = 1 << 20;
  /** A queue that has not moved for this long belongs to a viewer that is not reading. */
  static final long STALLED_MILLIS = 1000;

  private final SessionRegistry sessions;
  private final LongSupplier limit;
  /** The largest update that had to wait since the last {@link #run}. */
  private final AtomicLong waiting = new AtomicLong();
  private volatile boolean overReported;
  private static final long SUM_NANOS = 1_000_000;
  private final AtomicLong sum = new AtomicLong();
  private volatile long summedAt = System.nanoTime() - SUM_NANOS;

  /** @param limit the most bytes all viewers' queues may hold together, as of now */
  public OutputBudget(SessionRegistry sessions, LongSupplier limit) {
    this.sessions = sessions;
    this.limit = limit;
  }

  /**
   * Whether an update of about {@code bytes} may be encoded now. Viewers on several event loops may
   * pass at the same instant, so the limit can be passed by a few updates; never by more. Any
   * thread.
   */
  boolean tryReserve(long bytes) {
    if (queuedInAll() + bytes <= limit.getAsLong()) {
      sum.addAndGet(bytes); // counted until the next fresh sum sees it queued (or sent)
      return true;
    }
    waiting.accumulateAndGet(bytes, Math::max);
    return false;
  }

  /** Sheds viewers that do not read until what waits fits. Runs periodically on one thread. */
  @Override
  public void run() {
    long need = waiting.getAndSet(0);
    long max = limit.getAsLong();
    long now = System.nanoTime();
    List<Stalled> stalled = new ArrayList<>();
    long total = 0;
    for (Session s : sessions.live()) {
      long queued = s.queuedBytes();
      total += queued;
      // Asked of every session on every run, so that each one's progress is tracked.
      if (s.stalledNanos(now, queued) >= STALLED_MILLIS * 1_000_000 && queued > 0) {
        stalled.add(new Stalled(s, queued));
      }
    }
    if (total + need <= max) {
      overReported = false;
      return;
    }
    stalled.sort(Comparator.comparingLong(Stalled::queued).reversed());
    long before = total;
    long target = max - max / 4; // room for more than the one update, so that this is rare
    for (Stalled st : stalled) {
      if (total + need <= target) {
        break;
      }
      total -= st.queued();
      st.session().close("the viewer is not reading while the output queued for all viewers ("
          + before / MIB + " MiB) leaves no room under sendBufferTotalLimit (" + max / MIB
          + " MiB); it held " + st.queued() / 1024 + " KiB");
    }
    if (total + need > max && !overReported) {
      overReported = true;
      LOG.warn("output queued for viewers that read is {} MiB; updates wait for room under "
          + "sendBufferTotalLimit ({} MiB)", total / MIB, max / MIB);
    }
  }

  /**
   * The sum of all queues, computed afresh at most once a millisecond (every update asks, and with
   * thousands of viewers a fresh sum each time would cost thousands of reads per update); updates
   * let through meanwhile are added to it, so a burst cannot pass the limit between two sums.
   */
  private long queuedInAll() {
    long now = System.nanoTime();
    if (now - summedAt < SUM_NANOS) {
      return sum.get();
    }
    long total = 0;
    for (Session s : sessions.live()) {
      total += s.queuedBytes();
    }
    sum.set(total);
    summedAt = now;
    return total;
  }

  private record Stalled(Session session, long queued) {}
}
