package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.pixel.Rect;

/**
 * Finds large single-colour areas in a rectangle, so that they go out as one fill each (a dozen
 * bytes) instead of through a pixel encoder. As in TigerVNC's EncodeManager: blocks of
 * {@link #BLOCK} x {@link #BLOCK} pixels are tested in scan order; a solid block is grown to the
 * right and downwards as far as the colour goes, and kept if it covers at least
 * {@link #MIN_AREA} pixels (smaller fills save too little to be worth the extra rectangle).
 * Found areas never overlap. I/O thread only.
 */
final class SolidAreas {

  /** Side of the search blocks. */
  static final int BLOCK = 16;
  /** Smallest area sent as a fill. */
  static final int MIN_AREA = 2048;

  /** A found area and its colour. */
  record Fill(Rect rect, int colour) {}

  private SolidAreas() {}

  /**
   * The solid areas in {@code rect}, whose pixels are at {@code px[offset]} with rows
   * {@code stride} apart, at most {@code limit} of them.
   */
  static List<Fill> find(int[] px, int offset, int stride, Rect rect, int limit) {
    List<Fill> fills = new ArrayList<>();
    if (rect.area() < MIN_AREA) {
      return fills;
    }
    View v = new View(px, offset, stride, rect);
    for (int by = rect.y(); by < rect.bottom() && fills.size() < limit; by += BLOCK) {
      int bh = Math.min(BLOCK, rect.bottom() - by);
      for (int bx = rect.x(); bx < rect.right() && fills.size() < limit; bx += BLOCK) {
        int bw = Math.min(BLOCK, rect.right() - bx);
        Rect block = new Rect(bx, by, bw, bh);
        if (overlapsAny(fills, block)) {
          continue;
        }
        int colour = v.at(bx, by);
        if (!v.uniform(block, colour)) {
          continue;
        }
        Rect grown = largest(v, block, colour, fills);
        if (grown.area() >= MIN_AREA) {
          fills.add(new Fill(grown, colour));
        }
      }
    }
    return fills;
  }

  /**
   * The larger of growing right first then down, and down first then right: a wide bar and a tall
   * column each come out whole one way and cut short the other.
   */
  private static Rect largest(View v, Rect block, int colour, List<Fill> fills) {
    Rect a = growDown(v, growRight(v, block, colour, fills), colour, fills);
    Rect b = growRight(v, growDown(v, block, colour, fills), colour, fills);
    return a.area() >= b.area() ? a : b;
  }

  /**
   * {@code r} widened while every one of its rows goes on in {@code colour}, scanning along rows
   * (the memory order), and never into a fill already found.
   */
  private static Rect growRight(View v, Rect r, int colour, List<Fill> fills) {
    int limit = v.rect.right();
    for (Fill f : fills) {
      Rect o = f.rect();
      if (o.x() >= r.right() && o.y() < r.bottom() && o.bottom() > r.y()) {
        limit = Math.min(limit, o.x());
      }
    }
    for (int y = r.y(); y < r.bottom() && limit > r.right(); y++) {
      int i = v.index(r.right(), y);
      int x = r.right();
      while (x < limit && v.px[i] == colour) {
        x++;
        i++;
      }
      limit = x;
    }
    return Rect.ofCorners(r.x(), r.y(), limit, r.bottom());
  }

  /** {@code r} lengthened while whole rows below it are {@code colour}, never into a fill. */
  private static Rect growDown(View v, Rect r, int colour, List<Fill> fills) {
    int limit = v.rect.bottom();
    for (Fill f : fills) {
      Rect o = f.rect();
      if (o.y() >= r.bottom() && o.x() < r.right() && o.right() > r.x()) {
        limit = Math.min(limit, o.y());
      }
    }
    int bottom = r.bottom();
    while (bottom < limit && v.uniform(new Rect(r.x(), bottom, r.width(), 1), colour)) {
      bottom++;
    }
    return Rect.ofCorners(r.x(), r.y(), r.right(), bottom);
  }

  private static boolean overlapsAny(List<Fill> fills, Rect r) {
    for (Fill f : fills) {
      if (f.rect().intersects(r)) {
        return true;
      }
    }
    return false;
  }

  /** Pixels of the searched rectangle, addressed in framebuffer coordinates. */
  private record View(int[] px, int offset, int stride, Rect rect) {

    int at(int x, int y) {
      return px[index(x, y)];
    }

    int index(int x, int y) {
      return offset + (y - rect.y()) * stride + (x - rect.x());
    }

    boolean uniform(Rect area, int colour) {
      for (int y = area.y(); y < area.bottom(); y++) {
        int i = offset + (y - rect.y()) * stride + (area.x() - rect.x());
        for (int end = i + area.width(); i < end; i++) {
          if (px[i] != colour) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
