package org.plugvnc.capture.awt.internal;

import org.plugvnc.api.pixel.Point;

/**
 * Where the pointer was last put or seen, so that the capture thread reports only moves made by
 * something other than the viewers (a local mouse, an application). A viewer's move and the
 * capture thread's look happen under one lock, so a look never falls between a move and its
 * record.
 */
final class PointerTracker {

  private Point last;

  /** Moves the pointer for a viewer (on the input thread) and remembers where. */
  synchronized void moveForViewer(ScreenGrabber screen, int x, int y) {
    screen.movePointer(x, y);
    last = new Point(x, y);
  }

  /**
   * Looks where the pointer is (on the capture thread).
   *
   * @return the new position if something else moved it since the last move or look (or this is
   *     the first look since {@link #forget}), else null
   */
  synchronized Point movedElsewhere(ScreenGrabber screen) {
    Point now = screen.pointer();
    if (now == null || now.equals(last)) {
      return null;
    }
    last = now;
    return now;
  }

  /**
   * Forgets the last position, so that the next look reports where the pointer is: the engine
   * draws the cursor for viewers without a cursor pseudo-encoding once it knows the position.
   */
  synchronized void forget() {
    last = null;
  }
}
