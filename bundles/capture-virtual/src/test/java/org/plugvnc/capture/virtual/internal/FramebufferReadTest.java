package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/** {@link Framebuffer#read} copies exactly the area asked for and refuses what does not fit. */
class FramebufferReadTest {

  private final VirtualBackend desktop = new VirtualBackend(TestSupport.testPattern(100, 50));
  private final Framebuffer fb = started(desktop);

  private static Framebuffer started(VirtualBackend desktop) {
    desktop.start(new TestSupport.RecordingListener());
    return desktop.framebuffer();
  }

  @AfterEach
  void stop() {
    desktop.stop();
  }

  @Test
  void copiesRowsToOffsetAndStride() {
    int[] dst = new int[200];
    Arrays.fill(dst, -1);

    fb.read(new Rect(10, 20, 3, 2), dst, 5, 7);

    int[] expected = new int[200];
    Arrays.fill(expected, -1);
    for (int row = 0; row < 2; row++) {
      for (int col = 0; col < 3; col++) {
        expected[5 + row * 7 + col] = TestPatternScene.pixel(10 + col, 20 + row, 100, 50);
      }
    }
    assertArrayEquals(expected, dst);
  }

  @Test
  void wholeFramebufferFitsExactly() {
    int[] dst = new int[100 * 50];
    fb.read(new Rect(0, 0, 100, 50), dst, 0, 100);
    assertEquals(TestPatternScene.pixel(99, 49, 100, 50), dst[dst.length - 1]);
  }

  @Test
  void emptyAreaCopiesNothing() {
    int[] dst = {7};
    fb.read(new Rect(100, 50, 0, 0), dst, 0, 0);
    assertEquals(7, dst[0]);
  }

  @Test
  void areaOutsideTheFramebufferIsRefused() {
    int[] dst = new int[100 * 51];
    assertThrows(IndexOutOfBoundsException.class, () -> fb.read(new Rect(-1, 0, 2, 2), dst, 0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> fb.read(new Rect(0, -1, 2, 2), dst, 0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> fb.read(new Rect(99, 0, 2, 1), dst, 0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> fb.read(new Rect(0, 49, 1, 2), dst, 0, 1));
    assertThrows(IndexOutOfBoundsException.class,
        () -> fb.read(new Rect(0, 0, 100, 51), dst, 0, 100));
    assertThrows(IndexOutOfBoundsException.class, () -> fb.read(new Rect(0, 0, -1, 2), dst, 0, 2));
  }

  @Test
  void destinationTooSmallIsRefused() {
    assertThrows(IndexOutOfBoundsException.class,
        () -> fb.read(new Rect(0, 0, 10, 10), new int[99], 0, 10));
    assertThrows(IndexOutOfBoundsException.class,
        () -> fb.read(new Rect(0, 0, 10, 10), new int[100], 1, 10));
    assertThrows(IndexOutOfBoundsException.class,
        () -> fb.read(new Rect(0, 0, 10, 10), new int[100], -1, 10));
    assertThrows(IndexOutOfBoundsException.class,
        () -> fb.read(new Rect(0, 0, 10, 2), new int[100], 0, 9));
  }

  @Test
  void lastRowMayEndAtTheArrayEnd() {
    int[] dst = new int[10 + 4];
    fb.read(new Rect(0, 0, 4, 2), dst, 0, 10);
    assertEquals(TestPatternScene.pixel(3, 1, 100, 50), dst[13]);
  }
}
