package org.plugvnc.api.pixel;

/**
 * An axis-aligned rectangle in framebuffer coordinates. An immutable value; a rectangle with zero
 * or negative width or height is empty.
 *
 * @param x left column
 * @param y top row
 * @param width number of columns
 * @param height number of rows
 */
public record Rect(int x, int y, int width, int height) {

  /** The rectangle from (x1, y1) inclusive to (x2, y2) exclusive. */
  public static Rect ofCorners(int x1, int y1, int x2, int y2) {
    return new Rect(x1, y1, x2 - x1, y2 - y1);
  }

  /** One past the right column. */
  public int right() {
    return x + width;
  }

  /** One past the bottom row. */
  public int bottom() {
    return y + height;
  }

  /** Whether it covers no pixel. */
  public boolean isEmpty() {
    return width <= 0 || height <= 0;
  }

  /** Number of pixels covered; 0 when empty. */
  public long area() {
    return isEmpty() ? 0 : (long) width * height;
  }

  /** The pixels both rectangles cover; empty (possibly with odd coordinates) when none. */
  public Rect intersect(Rect o) {
    int x1 = Math.max(x, o.x);
    int y1 = Math.max(y, o.y);
    int x2 = Math.min(right(), o.right());
    int y2 = Math.min(bottom(), o.bottom());
    if (x2 <= x1 || y2 <= y1) {
      return new Rect(x1, y1, 0, 0);
    }
    return ofCorners(x1, y1, x2, y2);
  }

  /** Whether the rectangles share at least one pixel. */
  public boolean intersects(Rect o) {
    return !intersect(o).isEmpty();
  }

  /** Whether every pixel of {@code o} is inside this rectangle; an empty {@code o} always is. */
  public boolean contains(Rect o) {
    return o.isEmpty()
        || (o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom());
  }

  /** The smallest rectangle covering both; an empty operand is ignored. */
  public Rect union(Rect o) {
    if (isEmpty()) {
      return o;
    }
    if (o.isEmpty()) {
      return this;
    }
    return ofCorners(Math.min(x, o.x), Math.min(y, o.y),
        Math.max(right(), o.right()), Math.max(bottom(), o.bottom()));
  }

  /** This rectangle moved by (dx, dy). */
  public Rect translate(int dx, int dy) {
    return new Rect(x + dx, y + dy, width, height);
  }
}
