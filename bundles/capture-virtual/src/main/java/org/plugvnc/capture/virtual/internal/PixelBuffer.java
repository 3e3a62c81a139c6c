package org.plugvnc.capture.virtual.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * The desktop's pixels: a {@link BufferedImage#TYPE_INT_RGB} image whose {@code int[]} raster is
 * read directly, so Java2D paints into exactly the 0x00RRGGBB array the engine copies from.
 *
 * <p>One lock, {@link #lock()}, guards the pixels: painters hold it while they change pixels and
 * {@link #read} holds it while it copies, so a copy never shows half a paint. The size is published
 * through a volatile snapshot, so {@link #width()} and {@link #height()} never block.
 */
final class PixelBuffer implements Framebuffer {

  /** An image with its raster array and size, replaced as a whole on resize. */
  private record Snapshot(BufferedImage image, int[] data, int width, int height) {}

  private final Object lock = new Object();
  private volatile Snapshot current;

  PixelBuffer(int width, int height) {
    current = allocate(width, height);
  }

  /** The lock painters hold while they change pixels. */
  Object lock() {
    return lock;
  }

  /** The image to paint into; the caller holds {@link #lock()}. */
  BufferedImage image() {
    return current.image();
  }

  /** The raster of {@link #image()}, row by row; the caller holds {@link #lock()}. */
  int[] data() {
    return current.data();
  }

  /** The whole framebuffer as a rectangle. */
  Rect bounds() {
    Snapshot s = current;
    return new Rect(0, 0, s.width(), s.height());
  }

  /** Replaces the pixels with a black framebuffer of the new size; the caller holds the lock. */
  void resize(int width, int height) {
    current = allocate(width, height);
  }

  /**
   * Moves pixels inside the framebuffer, as a scroll does: afterwards {@code target} holds what
   * the rectangle of its size at {@code source} held before, even where the two overlap. Pixels
   * of the source outside the target keep their values. The caller holds the lock and reports
   * the move (SceneChanges#copied).
   *
   * @throws IndexOutOfBoundsException if the target or the source is not inside the framebuffer
   */
  void copy(Rect target, Point source) {
    Snapshot s = current;
    Rect from = new Rect(source.x(), source.y(), target.width(), target.height());
    Rect all = new Rect(0, 0, s.width(), s.height());
    if (!all.contains(target) || !all.contains(from)) {
      throw new IndexOutOfBoundsException("copy " + from + " to " + target + " leaves the "
          + s.width() + "x" + s.height() + " framebuffer");
    }
    // Moving up (or along a row), read rows top down so no row is overwritten before it is read;
    // moving down, bottom up. Within a row System.arraycopy handles the overlap.
    boolean upward = target.y() <= source.y();
    for (int i = 0; i < target.height(); i++) {
      int row = upward ? i : target.height() - 1 - i;
      System.arraycopy(s.data(), (source.y() + row) * s.width() + source.x(),
          s.data(), (target.y() + row) * s.width() + target.x(), target.width());
    }
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
      Snapshot s = current;
      checkBounds(area, s, dst, offset, stride);
      if (area.isEmpty()) {
        return;
      }
      for (int row = 0; row < area.height(); row++) {
        int to = offset + row * stride;
        System.arraycopy(s.data(), (area.y() + row) * s.width() + area.x(), dst, to, area.width());
        // Java2D stores opaque pixels as 0xFFRRGGBB; the contract promises 0x00RRGGBB.
        for (int i = to; i < to + area.width(); i++) {
          dst[i] &= 0x00FFFFFF;
        }
      }
    }
  }

  private static void checkBounds(Rect area, Snapshot s, int[] dst, int offset, int stride) {
    if (area.x() < 0 || area.y() < 0 || area.width() < 0 || area.height() < 0
        || area.right() > s.width() || area.bottom() > s.height()) {
      throw new IndexOutOfBoundsException(
          area + " is not inside the " + s.width() + "x" + s.height() + " framebuffer");
    }
    if (area.isEmpty()) {
      return;
    }
    if (offset < 0 || (area.height() > 1 && stride < area.width())) {
      throw new IndexOutOfBoundsException("offset " + offset + ", stride " + stride
          + " cannot hold rows of " + area.width() + " pixels");
    }
    long last = offset + (long) (area.height() - 1) * stride + area.width();
    if (last > dst.length) {
      throw new IndexOutOfBoundsException(
          "destination of " + dst.length + " pixels is too small for " + area);
    }
  }

  private static Snapshot allocate(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    return new Snapshot(image, data, width, height);
  }
}
