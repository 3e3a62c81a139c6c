package org.plugvnc.api.capture;

import org.plugvnc.api.pixel.Rect;

/**
 * Read access to a framebuffer of 0x00RRGGBB pixels. Implemented by capture backends, read by the
 * engine (and through it by encoders).
 */
public interface Framebuffer {

  /** Current width in pixels. Any thread; never blocks. */
  int width();

  /** Current height in pixels. Any thread; never blocks. */
  int height();

  /**
   * Copies the pixels of {@code area} into {@code dst}, row by row: pixel (x, y) of the area goes to
   * {@code dst[offset + (y - area.y()) * stride + (x - area.x())]} as 0x00RRGGBB. Called from any
   * engine thread; the copy of one call is consistent (no torn rows), so an implementation holds its
   * own lock for the duration and must not block for anything else.
   *
   * @throws IndexOutOfBoundsException if {@code area} is not inside the framebuffer (after a resize
   *     the engine clips to the new size) or {@code dst} is too small
   */
  void read(Rect area, int[] dst, int offset, int stride);
}
