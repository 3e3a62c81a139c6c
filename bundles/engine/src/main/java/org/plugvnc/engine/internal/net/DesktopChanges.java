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
    if (region.rects().size() > 4 * MAX_RECTS) {
      // Merging is quadratic in rectangles (and simplifying more): a backend reporting thousands
      // is taken at their bounds, before this lock is held for long.
      region = Region.of(region.bounds());
    }
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
      waiting.addLast(new Copy(target, source));
      allAsDamage();
    } else {
      waiting.addLast(new Copy(target, source));
    }
    return queue();
  }

  /**
   * Turns every copy waiting into damage of its target (with the damage waiting, merged); false
   * when no copy waits. Called once the pixels of an update have been read: a copy that waits then
   * may already be in those pixels (the backend moved them before the I/O thread saw the report),
   * and sending it afterwards would move them twice.
   */
  synchronized boolean copiesAsDamage() {
    if (waiting.stream().noneMatch(e -> e instanceof Copy)) {
      return false;
    }
    allAsDamage();
    return true;
  }

  /** Everything waiting becomes one damage region: the copies' targets included. */
  private void allAsDamage() {
    Region all = Region.EMPTY;
    for (Object e : waiting) {
      all = all.union(e instanceof Region r ? r : Region.of(((Copy) e).target()));
    }
    waiting.clear();
    waiting.addLast(all.simplified(MAX_RECTS));
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
