package org.plugvnc.engine.internal.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** How pending and in-flight areas follow a move. */
class RepaintTrackerTest {

  private final RepaintTracker tracker = new RepaintTracker();

  @Test
  void pendingAreasInTheSourceMoveWithTheCopy() {
    tracker.request(new Rect(10, 50, 5, 5));
    // Scroll up by 20 rows: rows 20..100 go to 0..80.
    tracker.moved(new Rect(0, 0, 100, 80), new Point(0, 20));
    assertEquals(Region.of(new Rect(10, 30, 5, 5)), tracker.pending());
  }

  @Test
  void pendingAreasOverwrittenByAValidSourceAreNoLongerStale() {
    tracker.request(new Rect(0, 0, 100, 5));
    tracker.moved(new Rect(0, 0, 100, 80), new Point(0, 20));
    assertTrue(tracker.pending().isEmpty(), tracker.pending().toString());
  }

  @Test
  void pendingAreasOutsideTheTargetStayAndThoseInTheSourceAlsoMove() {
    tracker.request(new Rect(100, 10, 20, 10));
    tracker.request(new Rect(0, 90, 100, 10));
    tracker.moved(new Rect(0, 0, 100, 80), new Point(0, 20));
    assertEquals(Region.of(new Rect(100, 10, 20, 10)).union(new Rect(0, 90, 100, 10))
        .union(new Rect(0, 70, 100, 10)), tracker.pending());
  }

  @Test
  void theAreaInFlightLosesTheTargetAndItsMovedImageBecomesPending() {
    tracker.request(new Rect(0, 60, 100, 40));
    Rect painting = tracker.take();
    assertEquals(new Rect(0, 60, 100, 40), painting);
    assertNull(tracker.take());

    tracker.moved(new Rect(0, 0, 100, 80), new Point(0, 20));

    assertEquals(Region.of(new Rect(0, 40, 100, 40)), tracker.pending(),
        "the unpainted rows moved up 20 and must be painted there");
    assertEquals(Region.of(new Rect(0, 80, 100, 20)), tracker.finish(),
        "only the rows the move left alone may take the paint's result");
    assertTrue(tracker.finish().isEmpty());
  }

  @Test
  void manyRequestsAreMergedIntoFewRectangles() {
    for (int i = 0; i < 50; i++) {
      tracker.request(new Rect(i * 7, i * 3, 2, 2));
    }
    assertTrue(tracker.pending().rects().size() <= RepaintTracker.MAX_RECTS);
    for (int i = 0; i < 50; i++) {
      Rect r = new Rect(i * 7, i * 3, 2, 2);
      assertEquals(r.area(), tracker.pending().intersect(r).area());
    }
  }
}
