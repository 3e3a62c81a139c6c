package org.plugvnc.capture.x11.internal;

import java.util.Arrays;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * The backend's copy of the X screen, 0x00RRGGBB row by row. The X thread writes it under
 * {@link #lock()} and reports the damage before releasing it (as DesktopListener asks for
 * copies); engine threads read under the same lock. The size is published through a volatile
 * snapshot, so {@link #width()} and {@link #height()} never block.
 */
final class X11Framebuffer implements Framebuffer {

  /** The pixels with their size, replaced as a whole on resize. */
  record Pixels(int[] data, int width, int height) {}

  private final Object lock = new Object();
  private volatile Pixels current;

  X11Framebuffer(int width, int height) {
    current = new Pixels(new int[width * height], width, height);
  }

  /** The lock writers hold while they change pixels and report them. */
  Object lock() {
    return lock;
  }

  /** The pixels to write; the caller holds the lock. */
  Pixels pixels() {
    return current;
  }

  /** Black pixels of a new size; the caller holds the lock. */
  void resize(int width, int height) {
    current = new Pixels(new int[width * height], width, height);
  }

  /** All pixels black; the caller holds the lock. */
  void clear() {
    Arrays.fill(current.data(), 0);
  }

  @Override
  public int width() {
    return current.width();
  }

  @Override
  public int height() {
    return current.height();
  }

  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    synchronized (lock) {
      Pixels p = current;
      if (area.x() < 0 || area.y() < 0 || area.width() < 0 || area.height() < 0
          || area.right() > p.width() || area.bottom() > p.height()) {
        throw new IndexOutOfBoundsException(
            area + " is not inside the " + p.width() + "x" + p.height() + " framebuffer");
      }
      if (area.isEmpty()) {
        return;
      }
      long last = offset + (long) (area.height() - 1) * stride + area.width();
      if (offset < 0 || (area.height() > 1 && stride < area.width()) || last > dst.length) {
        throw new IndexOutOfBoundsException("destination of " + dst.length + " pixels (offset "
            + offset + ", stride " + stride + ") cannot hold " + area);
      }
      for (int row = 0; row < area.height(); row++) {
        System.arraycopy(p.data(), (area.y() + row) * p.width() + area.x(), dst,
            offset + row * stride, area.width());
      }
    }
  }
}
