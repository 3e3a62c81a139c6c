package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.ArrayFramebuffer;

/** The pixels of an update, copied before encoding: one array, each rectangle row by row. */
class FrameSnapshotTest {

  private final ArrayFramebuffer fb = ArrayFramebuffer.distinct(40, 30);

  @Test
  void eachRectangleIsStoredRowByRowWithItsWidthAsStride() {
    Rect a = new Rect(3, 4, 5, 2);
    Rect b = new Rect(30, 20, 10, 10);
    FrameSnapshot s = new FrameSnapshot().capture(fb, List.of(a, b));
    assertEquals(List.of(a, b), s.rects());
    assertEquals(0, s.offset(0));
    assertEquals(10, s.offset(1));
    for (int i = 0; i < 2; i++) {
      Rect r = s.rects().get(i);
      for (int y = 0; y < r.height(); y++) {
        for (int x = 0; x < r.width(); x++) {
          assertEquals(fb.at(r.x() + x, r.y() + y), s.pixels()[s.offset(i) + y * r.width() + x]);
        }
      }
    }
  }

  @Test
  void aSmallArrayIsKeptAndALargeOneDropped() {
    FrameSnapshot s = new FrameSnapshot().capture(fb, List.of(new Rect(0, 0, 40, 30)));
    int[] small = s.pixels();
    s.release();
    assertEquals(List.of(), s.rects());
    s.capture(fb, List.of(new Rect(0, 0, 10, 10)));
    assertSame(small, s.pixels(), "reused for the next update");
    ArrayFramebuffer screen = ArrayFramebuffer.distinct(1024, 257);
    s.capture(screen, List.of(new Rect(0, 0, 1024, 257)));
    int[] large = s.pixels();
    s.release();
    s.capture(fb, List.of(new Rect(0, 0, 1, 1)));
    assertNotSame(large, s.pixels(), "an idle viewer holds no copy of the desktop");
  }

  @Test
  void aRectangleOutsideTheDesktopFailsBeforeAnyEncoding() {
    FrameSnapshot s = new FrameSnapshot();
    assertThrows(IndexOutOfBoundsException.class,
        () -> s.capture(fb, List.of(new Rect(0, 0, 10, 10), new Rect(35, 25, 10, 10))));
  }

  @Test
  void manyRectanglesGrowTheOffsets() {
    List<Rect> rects = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rects.add(new Rect(i, i, 1, 1));
    }
    FrameSnapshot s = new FrameSnapshot().capture(fb, rects);
    for (int i = 0; i < 30; i++) {
      assertEquals(i, s.offset(i));
      assertEquals(fb.at(i, i), s.pixels()[i]);
    }
  }
}
