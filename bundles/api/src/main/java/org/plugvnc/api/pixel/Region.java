package org.plugvnc.api.pixel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A set of pixels, held as disjoint non-empty rectangles. An immutable value: every operation
 * returns a new region, so a region can be handed between threads freely.
 *
 * <p>Operations are exact. Damage tracking, which may over-approximate, keeps the rectangle count
 * bounded with {@link #simplified(int)}.
 */
public final class Region {

  /** The region covering no pixel. */
  public static final Region EMPTY = new Region(List.of());

  private final List<Rect> rects;

  private Region(List<Rect> disjointRects) {
    this.rects = disjointRects;
  }

  /** The region covering exactly {@code r}; empty when {@code r} is. */
  public static Region of(Rect r) {
    return r.isEmpty() ? EMPTY : new Region(List.of(r));
  }

  /** The disjoint rectangles of this region, in no particular order; unmodifiable. */
  public List<Rect> rects() {
    return rects;
  }

  /** Whether it covers no pixel. */
  public boolean isEmpty() {
    return rects.isEmpty();
  }

  /** The number of pixels covered. */
  public long area() {
    long a = 0;
    for (Rect r : rects) {
      a += r.area();
    }
    return a;
  }

  /** The smallest rectangle covering the region; an empty rectangle when the region is empty. */
  public Rect bounds() {
    Rect b = new Rect(0, 0, 0, 0);
    for (Rect r : rects) {
      b = b.union(r);
    }
    return b;
  }

  /** This region plus the pixels of {@code r}. */
  public Region union(Rect r) {
    if (r.isEmpty()) {
      return this;
    }
    List<Rect> added = new ArrayList<>(List.of(r));
    for (Rect existing : rects) {
      added = subtractAll(added, existing);
      if (added.isEmpty()) {
        return this;
      }
    }
    List<Rect> out = new ArrayList<>(rects);
    out.addAll(added);
    return new Region(Collections.unmodifiableList(out));
  }

  /** This region plus the pixels of {@code other}. */
  public Region union(Region other) {
    Region result = this;
    for (Rect r : other.rects) {
      result = result.union(r);
    }
    return result;
  }

  /** This region less the pixels of {@code r}. */
  public Region subtract(Rect r) {
    if (r.isEmpty() || isEmpty()) {
      return this;
    }
    return new Region(Collections.unmodifiableList(subtractAll(rects, r)));
  }

  /** This region less the pixels of {@code other}. */
  public Region subtract(Region other) {
    Region result = this;
    for (Rect r : other.rects) {
      result = result.subtract(r);
    }
    return result;
  }

  /** The pixels of this region that are inside {@code clip}. */
  public Region intersect(Rect clip) {
    List<Rect> out = new ArrayList<>();
    for (Rect r : rects) {
      Rect i = r.intersect(clip);
      if (!i.isEmpty()) {
        out.add(i);
      }
    }
    return new Region(Collections.unmodifiableList(out));
  }

  /** The pixels this region shares with {@code other}. */
  public Region intersect(Region other) {
    Region result = EMPTY;
    for (Rect r : other.rects) {
      result = result.union(intersect(r));
    }
    return result;
  }

  /** This region moved by (dx, dy). */
  public Region translate(int dx, int dy) {
    List<Rect> out = new ArrayList<>(rects.size());
    for (Rect r : rects) {
      out.add(r.translate(dx, dy));
    }
    return new Region(Collections.unmodifiableList(out));
  }

  /**
   * A region covering at least these pixels with at most {@code maxRects} rectangles: while there
   * are too many, the two rectangles whose bounding box wastes the fewest pixels are merged.
   */
  public Region simplified(int maxRects) {
    if (rects.size() <= Math.max(1, maxRects)) {
      return this;
    }
    List<Rect> work = new ArrayList<>(rects);
    while (work.size() > Math.max(1, maxRects)) {
      int bi = 0;
      int bj = 1;
      long best = Long.MAX_VALUE;
      for (int i = 0; i < work.size(); i++) {
        for (int j = i + 1; j < work.size(); j++) {
          Rect a = work.get(i);
          Rect b = work.get(j);
          long waste = a.union(b).area() - a.area() - b.area();
          if (waste < best) {
            best = waste;
            bi = i;
            bj = j;
          }
        }
      }
      Rect merged = work.get(bi).union(work.get(bj));
      work.remove(bj);
      work.remove(bi);
      merged = absorbOverlapping(work, merged);
      work.add(merged);
    }
    return new Region(Collections.unmodifiableList(work));
  }

  private static Rect absorbOverlapping(List<Rect> work, Rect merged) {
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int k = work.size() - 1; k >= 0; k--) {
        if (work.get(k).intersects(merged)) {
          merged = merged.union(work.remove(k));
          grew = true;
        }
      }
    }
    return merged;
  }

  private static List<Rect> subtractAll(List<Rect> from, Rect cut) {
    List<Rect> out = new ArrayList<>(from.size() + 4);
    for (Rect r : from) {
      if (!r.intersects(cut)) {
        out.add(r);
        continue;
      }
      Rect i = r.intersect(cut);
      addIfNotEmpty(out, Rect.ofCorners(r.x(), r.y(), r.right(), i.y()));
      addIfNotEmpty(out, Rect.ofCorners(r.x(), i.bottom(), r.right(), r.bottom()));
      addIfNotEmpty(out, Rect.ofCorners(r.x(), i.y(), i.x(), i.bottom()));
      addIfNotEmpty(out, Rect.ofCorners(i.right(), i.y(), r.right(), i.bottom()));
    }
    return out;
  }

  private static void addIfNotEmpty(List<Rect> out, Rect r) {
    if (!r.isEmpty()) {
      out.add(r);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Region other)) {
      return false;
    }
    return area() == other.area() && subtract(other).isEmpty();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(area()) * 31 + bounds().hashCode();
  }

  @Override
  public String toString() {
    return "Region" + rects;
  }
}
