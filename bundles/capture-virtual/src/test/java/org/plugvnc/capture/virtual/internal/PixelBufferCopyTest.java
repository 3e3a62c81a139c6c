package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/** {@link PixelBuffer#copy} moves a rectangle in every direction, overlapping or not. */
class PixelBufferCopyTest {

  private static final int W = 23;
  private static final int H = 17;

  /** A buffer where every pixel is distinct, and the same values in a plain array. */
  private static PixelBuffer numbered(int[] plain) {
    PixelBuffer buffer = new PixelBuffer(W, H);
    for (int i = 0; i < W * H; i++) {
      plain[i] = 0x010203 * (i + 1) & 0xFFFFFF;
      buffer.data()[i] = plain[i];
    }
    return buffer;
  }

  private static int[] read(PixelBuffer buffer) {
    int[] all = new int[W * H];
    buffer.read(new Rect(0, 0, W, H), all, 0, W);
    return all;
  }

  @ParameterizedTest(name = "{2}x{3} from ({4},{5}) to ({0},{1})")
  @CsvSource({
      "2,2,10,8,2,5",    // up, overlapping
      "2,5,10,8,2,2",    // down, overlapping
      "1,3,12,6,4,3",    // left along the rows, overlapping
      "4,3,12,6,1,3",    // right along the rows, overlapping
      "0,0,5,5,18,12",   // diagonal, apart
      "3,4,20,13,0,0",   // down and right, overlapping
      "0,0,23,16,0,1",   // the whole width up one row
      "7,7,1,1,7,7",     // onto itself
      "5,5,0,4,1,1",     // empty
  })
  void copyEqualsMovingThroughASpareArray(int tx, int ty, int w, int h, int sx, int sy) {
    int[] expected = new int[W * H];
    PixelBuffer buffer = numbered(expected);
    int[] before = expected.clone();
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        expected[(ty + row) * W + tx + col] = before[(sy + row) * W + sx + col];
      }
    }

    buffer.copy(new Rect(tx, ty, w, h), new Point(sx, sy));

    assertArrayEquals(expected, read(buffer));
  }

  @ParameterizedTest
  @CsvSource({"0,0,5,5,19,0", "0,0,5,5,0,13", "20,0,5,5,0,0", "-1,0,5,5,0,0", "0,0,5,5,0,-1"})
  void refusesACopyLeavingTheFramebuffer(int tx, int ty, int w, int h, int sx, int sy) {
    PixelBuffer buffer = numbered(new int[W * H]);
    assertThrows(IndexOutOfBoundsException.class,
        () -> buffer.copy(new Rect(tx, ty, w, h), new Point(sx, sy)));
  }
}
