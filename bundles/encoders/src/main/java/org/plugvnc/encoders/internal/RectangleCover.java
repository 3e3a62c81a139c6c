package org.plugvnc.encoders.internal;

import java.util.Arrays;

/**
 * Covers every pixel of a grid of pixel values that differs from the background with
 * single-valued subrectangles, the partition RRE and CoRRE send (RFC 6143 7.7.3: "the
 * partitioning of a rectangle of pixel data into rectangular subregions (subrectangles) each of
 * which consists of pixels of a single value").
 *
 * <p>Greedy and linear in the pixels: scanning row by row, each pixel not yet covered starts a
 * subrectangle as wide as its run of equal values, grown downwards while the whole run's width
 * below has the same value. Covered pixels are overwritten with the background so later rows skip
 * them; subrectangles never overlap, so any drawing order gives the same picture. Hextile's tiles
 * use the same rule on bit masks ({@link HextileTile}).
 */
final class RectangleCover {

  /** Receives the subrectangles, in the order they are found. */
  interface Sink {

    /**
     * One subrectangle of {@code value} at ({@code x}, {@code y}), relative to the grid's top
     * left. Returns false to stop the cover (the output would grow too large).
     */
    boolean subrect(int value, int x, int y, int width, int height);
  }

  private RectangleCover() {}

  /**
   * Covers {@code grid} ({@code width * height} values, row by row, no padding), overwriting it.
   *
   * @return false if the sink stopped the cover
   */
  static boolean cover(int[] grid, int width, int height, int background, Sink sink) {
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int x = 0;
      while (x < width) {
        int value = grid[row + x];
        if (value == background) {
          x++;
          continue;
        }
        int end = x + 1;
        while (end < width && grid[row + end] == value) {
          end++;
        }
        int bottom = grow(grid, width, height, x, end, y + 1, value);
        for (int r = y + 1; r < bottom; r++) {
          Arrays.fill(grid, r * width + x, r * width + end, background);
        }
        if (!sink.subrect(value, x, y, end - x, bottom - y)) {
          return false;
        }
        x = end;
      }
    }
    return true;
  }

  /** The first row from {@code y} on where columns {@code [x, end)} are not all {@code value}. */
  private static int grow(int[] grid, int width, int height, int x, int end, int y, int value) {
    for (; y < height; y++) {
      int row = y * width;
      for (int c = x; c < end; c++) {
        if (grid[row + c] != value) {
          return y;
        }
      }
    }
    return height;
  }
}
