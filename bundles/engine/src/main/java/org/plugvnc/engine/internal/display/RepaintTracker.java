package org.plugvnc.engine.internal.display;

import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * Which pixels of a display's surface are stale: those waiting for a repaint ({@code pending})
 * and those being painted right now ({@code inFlight}). Every other pixel shows the display's
 * state. Not thread-safe: {@link DisplayBackend} calls it under its framebuffer lock.
 *
 * <p>A move ({@link #moved}) keeps that true. A pixel of the target now holds what its source
 * held, and the display's state moved the same way, so it is stale exactly when its source was:
 * the pending and in-flight parts of the source move into the target and become pending. The
 * area being painted loses its part inside the target: the paint may show the state before the
 * move or after it, and its result is written only where the move changed nothing.
 */
final class RepaintTracker {

  /** Pending areas are merged down to this many rectangles, each one a paint call. */
  static final int MAX_RECTS = 8;

  private Region pending = Region.EMPTY;
  private Region inFlight = Region.EMPTY;

  /** {@code area} (inside the surface) must be painted again. */
  void request(Rect area) {
    pending = pending.union(area).simplified(MAX_RECTS);
  }

  /** Forgets everything stale and marks all of {@code bounds} pending (a new or resized surface). */
  void reset(Rect bounds) {
    pending = Region.of(bounds);
    inFlight = Region.EMPTY;
  }

  /** Forgets everything (detached). */
  void clear() {
    pending = Region.EMPTY;
    inFlight = Region.EMPTY;
  }

  /** Whether anything waits for a paint. */
  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Whether nothing waits and nothing is being painted. */
  boolean idle() {
    return pending.isEmpty() && inFlight.isEmpty();
  }

  /** The next area to paint, now in flight and no longer pending; {@code null} when none waits. */
  Rect take() {
    if (pending.isEmpty()) {
      return null;
    }
    Rect next = pending.rects().get(0);
    pending = pending.subtract(next);
    inFlight = Region.of(next);
    return next;
  }

  /** The pixels of {@code target} were replaced by those at {@code source} (both inside). */
  void moved(Rect target, Point source) {
    int dx = target.x() - source.x();
    int dy = target.y() - source.y();
    Rect from = new Rect(source.x(), source.y(), target.width(), target.height());
    Region stale = pending.intersect(from).union(inFlight.intersect(from)).translate(dx, dy);
    pending = pending.subtract(target).union(stale).simplified(MAX_RECTS);
    inFlight = inFlight.subtract(target);
  }

  /** Ends the paint in flight: the part of its area its result may be written to. */
  Region finish() {
    Region writable = inFlight;
    inFlight = Region.EMPTY;
    return writable;
  }

  /** What waits for a paint; for tests. */
  Region pending() {
    return pending;
  }
}
