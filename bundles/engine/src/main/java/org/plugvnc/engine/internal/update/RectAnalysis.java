package org.plugvnc.engine.internal.update;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.RectContent;

/**
 * Counts a rectangle's colours (up to a limit) and its runs, in one pass that skips the colour
 * lookup while a run continues and stops as soon as there are more colours than the limit, so a
 * photograph costs a few hundred pixels and flat content one comparison per pixel. Reused for
 * every rectangle of a session (I/O thread only).
 */
final class RectAnalysis {

  /** Open-addressed set of colours; a slot holds colour + 1 so that 0 means empty. */
  private final int[] slots = new int[1024];
  private final int[] found = new int[MAX_COLOURS];
  private int count;

  /** The largest palette any encoder takes (Tight's 8-bit indexes). */
  static final int MAX_COLOURS = 256;

  /**
   * The class of the {@code width} x {@code height} pixels at {@code px[offset]} (rows
   * {@code stride} apart), with at most {@code maxColours} (2 to 256) in a palette.
   */
  RectContent analyse(int[] px, int offset, int stride, int width, int height, int maxColours,
      boolean jpegIfFull) {
    java.util.Arrays.fill(slots, 0);
    count = 0;
    int runs = 0;
    for (int y = 0; y < height; y++) {
      int row = offset + y * stride;
      int previous = px[row];
      if (!add(previous, maxColours)) {
        return full(jpegIfFull);
      }
      runs++;
      for (int x = 1; x < width; x++) {
        int c = px[row + x];
        if (c != previous) {
          runs++;
          previous = c;
          if (!add(c, maxColours)) {
            return full(jpegIfFull);
          }
        }
      }
    }
    int[] palette = java.util.Arrays.copyOf(found, count);
    ContentClass kind = count == 1 ? ContentClass.SOLID
        : count == 2 ? ContentClass.BITMAP : ContentClass.INDEXED;
    return new RectContent(kind, palette, runs, false);
  }

  private static RectContent full(boolean jpeg) {
    return new RectContent(ContentClass.FULL_COLOUR, new int[0], 0, jpeg);
  }

  /** Adds {@code c}; false when that makes more than {@code max} colours. */
  private boolean add(int c, int max) {
    int key = c + 1;
    int mask = slots.length - 1;
    int i = (c * 0x9E3779B1 >>> 22) & mask;
    while (true) {
      int s = slots[i];
      if (s == key) {
        return true;
      }
      if (s == 0) {
        if (count == max) {
          return false;
        }
        slots[i] = key;
        found[count++] = c;
        return true;
      }
      i = (i + 1) & mask;
    }
  }
}
