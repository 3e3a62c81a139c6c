package org.plugvnc.capture.awt.internal;

import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * The last grab of the screen, as the engine reads it. The capture thread replaces the whole
 * array with a new grab (no copy) while holding {@link #lock()}, and reports the change in the
 * same critical section; readers copy under the same lock, so they never see half a frame.
 *
 * <p>Robot's pixels carry an opaque alpha byte; {@link #read} clears it, as the contract asks for
 * 0x00RRGGBB.
 */
final class ScreenPixels implements Framebuffer {

  private final Object lock = new Object();
  private int[] pixels;
  private volatile int width;
  private volatile int height;

  /** Black pixels of the given size, until the first grab. */
  ScreenPixels(int width, int height) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
  }

  /** The lock readers take; hold it to replace the frame and report the change. */
  Object lock() {
    return lock;
  }

  /** The current frame; only the capture thread, which alone replaces it, may look at it unlocked. */
  int[] frame() {
    synchronized (lock) {
      return pixels;
    }
  }

  /** Takes {@code next} as the frame; call with {@link #lock()} held. */
  void replace(int[] next, int nextWidth, int nextHeight) {
    if (next.length < nextWidth * nextHeight) {
      throw new IllegalArgumentException(next.length + " pixels for " + nextWidth + "x" + nextHeight);
    }
    pixels = next;
    width = nextWidth;
    height = nextHeight;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    synchronized (lock) {
      if (area.x() < 0 || area.y() < 0 || area.width() < 0 || area.height() < 0
          || area.right() > width || area.bottom() > height) {
        throw new IndexOutOfBoundsException(area + " outside " + width + "x" + height);
      }
      for (int row = 0; row < area.height(); row++) {
        int from = (area.y() + row) * width + area.x();
        int to = offset + row * stride;
        if (to < 0 || to + area.width() > dst.length) {
          throw new IndexOutOfBoundsException("destination of " + dst.length + " too small");
        }
        for (int i = 0; i < area.width(); i++) {
          dst[to + i] = pixels[from + i] & 0xFFFFFF;
        }
      }
    }
  }
}
