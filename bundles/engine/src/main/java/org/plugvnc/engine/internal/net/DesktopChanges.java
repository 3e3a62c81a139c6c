package org.plugvnc.engine.internal.net;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * The damage and copies a backend reported for one session, waiting for its I/O thread, in order.
 * Damage in a row merges into one region, and one task on the I/O thread takes everything that
 * waits: a backend reporting faster than a busy event loop runs must not pile up a task per report.
 * Order is kept across copies, since damage after a copy must not be moved by it. Thread-safe.
 */
final class DesktopChanges {

  /** Damage waiting in a row is merged into at most this many rectangles. */
  private static final int MAX_RECTS = 64;
  /** Changes waiting at most before they are all turned into damage. */
  static final int MAX_WAITING = 64;

  /** A copy of {@code target} from {@code source}. */
  record Copy(Rect target, Point source) {}

  private final Deque<Object> waiting = new ArrayDeque<>();
  private boolean queued;

  /** Adds damage; true when the caller must queue a {@link #drain} (none is queued yet). */
  synchronized boolean damaged(Region region) {
    if (waiting.peekLast() instanceof Region last) {
      waiting.pollLast();
      waiting.addLast(last.union(region).simplified(MAX_RECTS));
    } else {
      waiting.addLast(region);
    }
    return queue();
  }

  /**
   * Adds a copy; true when the caller must queue a {@link #drain}. Past {@link #MAX_WAITING}
   * waiting changes, everything waiting turns into damage (the copies' targets included), so a
   * backend alternating copies and damage faster than the I/O thread runs cannot grow the queue.
   */
  synchronized boolean copied(Rect target, Point source) {
    if (waiting.size() >= MAX_WAITING) {
      Region all = Region.of(target);
      for (Object e : waiting) {
        all = all.union(e instanceof Region r ? r : Region.of(((Copy) e).target()));
      }
      waiting.clear();
      waiting.addLast(all.simplified(MAX_RECTS));
    } else {
      waiting.addLast(new Copy(target, source));
    }
    return queue();
  }

  private boolean queue() {
    if (queued) {
      return false;
    }
    queued = true;
    return true;
  }

  /** Hands everything that waits, in order, to {@code damage} and {@code copy}. I/O thread. */
  void drain(Consumer<Region> damage, Consumer<Copy> copy) {
    Object[] events;
    synchronized (this) {
      events = waiting.toArray();
      waiting.clear();
      queued = false;
    }
    for (Object e : events) {
      if (e instanceof Region r) {
        damage.accept(r);
      } else {
        copy.accept((Copy) e);
      }
    }
  }
}
