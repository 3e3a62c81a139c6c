package org.plugvnc.engine.internal.net;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.update.FrameSnapshot;

/**
 * The cursor drawn into the picture of a viewer that cannot show cursors itself, on a desktop that
 * tells where its pointer is (a real screen; {@link DesktopHub#pointerPosition} is null
 * otherwise): where the picture shows it, and the damage that keeps that picture right when the
 * pointer moves, the shape changes or a copy moves pixels under it. I/O thread only.
 */
final class DrawnCursor {

  /** Where the cursor goes: its area inside the desktop, the shape, its top-left corner. */
  private record Placed(Rect area, CursorShape shape, int left, int top) {}

  private final DesktopHub desktop;
  /** Where the viewer's picture shows the cursor, or null. */
  private Rect drawn;

  DrawnCursor(DesktopHub desktop) {
    this.desktop = desktop;
  }

  /** The pointer moved or the shape changed: where it was drawn and where it goes now. */
  Region moved(Rect bounds) {
    Placed now = place(bounds);
    Region both = drawn == null ? Region.EMPTY : Region.of(drawn);
    if (now != null) {
      both = both.union(Region.of(now.area()));
    }
    return both.intersect(bounds);
  }

  /** A copy of {@code target} from {@code source} moves or covers the drawn cursor: both places. */
  Region copied(Rect target, Point source, Rect bounds) {
    if (drawn == null) {
      return Region.EMPTY;
    }
    Rect moved = drawn.translate(target.x() - source.x(), target.y() - source.y());
    return Region.of(drawn).union(Region.of(moved.intersect(bounds)));
  }

  /**
   * Draws the cursor into the captured pixels; returns the place it was drawn at before when it
   * moved before its task ran, which goes again without it (empty otherwise).
   */
  Region draw(FrameSnapshot snapshot, Rect bounds) {
    Placed now = place(bounds);
    Rect area = now == null ? null : now.area();
    Region left = drawn != null && !drawn.equals(area)
        ? Region.of(drawn.intersect(bounds)) : Region.EMPTY;
    drawn = area;
    if (now != null) {
      snapshot.drawCursor(now.shape(), now.left(), now.top());
    }
    return left;
  }

  /** The viewer shows the cursor itself: nothing is drawn into its picture. */
  void forget() {
    drawn = null;
  }

  /** Reads the pointer and the shape once: both may change on other threads meanwhile. */
  private Placed place(Rect bounds) {
    int[] at = desktop.pointerPosition();
    CursorShape shape = desktop.cursor();
    if (at == null || shape == null || shape.width() == 0 || shape.height() == 0) {
      return null;
    }
    int left = at[0] - shape.hotX();
    int top = at[1] - shape.hotY();
    Rect area = new Rect(left, top, shape.width(), shape.height()).intersect(bounds);
    return area.isEmpty() ? null : new Placed(area, shape, left, top);
  }
}
