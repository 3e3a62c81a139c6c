package org.plugvnc.capture.awt.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * Finds what changed between two grabs of the same size by comparing them in square tiles (as
 * TigerVNC's ComparingUpdateTracker does): a tile with any differing pixel is damaged whole.
 * Neighbouring damaged tiles of a tile row merge into one rectangle, and a rectangle grows down
 * while the next tile row has the same run, so a changed area becomes few rectangles.
 *
 * <p>Public for the benchmark module only; the package is not exported.
 */
public final class TileDamage {

  private TileDamage() {}

  /**
   * The tiles of a {@code width x height} frame whose pixels differ between {@code before} and
   * {@code after} (both row by row, {@code width} pixels a row).
   *
   * @throws IllegalArgumentException if a frame is smaller than {@code width * height} or the tile
   *     size is not positive
   */
  public static Region between(int[] before, int[] after, int width, int height, int tileSize) {
    long pixels = (long) width * height;
    if (tileSize <= 0 || width < 0 || height < 0 || before.length < pixels || after.length < pixels) {
      throw new IllegalArgumentException("frames of " + before.length + " and " + after.length
          + " pixels for " + width + "x" + height + ", tile " + tileSize);
    }
    List<Rect> done = new ArrayList<>();
    List<Rect> open = new ArrayList<>();
    for (int ty = 0; ty < height; ty += tileSize) {
      int th = Math.min(tileSize, height - ty);
      List<Rect> runs = changedRuns(before, after, width, ty, th, tileSize);
      open = extendDown(open, runs, done);
    }
    done.addAll(open);
    Region region = Region.EMPTY;
    for (Rect r : done) {
      region = region.union(r);
    }
    return region;
  }

  /** The runs of changed tiles in the tile row at {@code ty}, {@code th} pixels high. */
  private static List<Rect> changedRuns(int[] before, int[] after, int width, int ty, int th,
      int tileSize) {
    boolean[] changed = changedTiles(before, after, width, ty, th, tileSize);
    List<Rect> runs = new ArrayList<>();
    int runStart = -1;
    for (int t = 0; t <= changed.length; t++) {
      boolean on = t < changed.length && changed[t];
      if (on && runStart < 0) {
        runStart = t;
      } else if (!on && runStart >= 0) {
        int x = runStart * tileSize;
        runs.add(new Rect(x, ty, Math.min(width, t * tileSize) - x, th));
        runStart = -1;
      }
    }
    return runs;
  }

  /**
   * Which tiles of the row differ. Each pixel row is compared whole (one vectorised
   * {@link Arrays#mismatch} call for a row that did not change); after a difference the scan goes
   * on from the next tile, and tiles already found changed are skipped.
   */
  private static boolean[] changedTiles(int[] before, int[] after, int width, int ty, int th,
      int tileSize) {
    boolean[] changed = new boolean[(width + tileSize - 1) / tileSize];
    for (int y = ty; y < ty + th; y++) {
      int row = y * width;
      int x = 0;
      while (x < width) {
        while (x < width && changed[x / tileSize]) {
          x = (x / tileSize + 1) * tileSize;
        }
        if (x >= width) {
          break;
        }
        int m = Arrays.mismatch(before, row + x, row + width, after, row + x, row + width);
        if (m < 0) {
          break;
        }
        int tile = (x + m) / tileSize;
        changed[tile] = true;
        x = (tile + 1) * tileSize;
      }
    }
    return changed;
  }

  /**
   * Grows each open rectangle that has the same columns as a run of the new tile row; the other
   * open ones are finished into {@code done}. Returns the rectangles open after this row.
   */
  private static List<Rect> extendDown(List<Rect> open, List<Rect> runs, List<Rect> done) {
    List<Rect> next = new ArrayList<>(runs.size());
    for (Rect run : runs) {
      Rect grown = null;
      for (Rect o : open) {
        if (o.x() == run.x() && o.width() == run.width() && o.bottom() == run.y()) {
          grown = new Rect(o.x(), o.y(), o.width(), o.height() + run.height());
          break;
        }
      }
      next.add(grown == null ? run : grown);
    }
    for (Rect o : open) {
      if (next.stream().noneMatch(n -> n.x() == o.x() && n.y() == o.y())) {
        done.add(o);
      }
    }
    return next;
  }
}
