package org.plugvnc.capture.awt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Rect;

class ScreenPixelsTest {

  @Test
  void readsAnAreaWithoutTheAlphaByte() {
    ScreenPixels pixels = new ScreenPixels(4, 3);
    int[] frame = new int[12];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = 0xFF000000 | i;
    }
    synchronized (pixels.lock()) {
      pixels.replace(frame, 4, 3);
    }
    int[] dst = new int[7];

    pixels.read(new Rect(1, 1, 2, 2), dst, 1, 3);

    assertArrayEquals(new int[] {0, 5, 6, 0, 9, 10, 0}, dst);
  }

  @Test
  void aNewSizeComesWithItsFrame() {
    ScreenPixels pixels = new ScreenPixels(4, 3);
    synchronized (pixels.lock()) {
      pixels.replace(new int[20], 5, 4);
    }
    assertEquals(5, pixels.width());
    assertEquals(4, pixels.height());
    assertThrows(IllegalArgumentException.class, () -> pixels.replace(new int[3], 2, 2));
  }

  @Test
  void areasOutsideTheFrameAreRefused() {
    ScreenPixels pixels = new ScreenPixels(4, 3);
    assertThrows(IndexOutOfBoundsException.class,
        () -> pixels.read(new Rect(2, 0, 3, 1), new int[10], 0, 3));
    assertThrows(IndexOutOfBoundsException.class,
        () -> pixels.read(new Rect(0, 0, 4, 3), new int[5], 0, 4));
  }
}
