package org.plugvnc.engine.internal.display;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * The pixels of one display, owned by the engine: a {@link BufferedImage#TYPE_INT_RGB} raster of
 * 0x00RRGGBB values. Not thread-safe: {@link DisplayBackend} guards it with its framebuffer lock.
 * Only {@link #write} takes pixels from Java2D, and it clears the top byte Java2D may set, so
 * reads, moves and seeds copy plain arrays.
 */
final class SurfacePixels {

  private int[] data;
  private int width;
  private int height;

  SurfacePixels(int width, int height) {
    allocate(width, height);
  }

  /** Replaces the pixels with black ones of the new size. */
  void allocate(int newWidth, int newHeight) {
    data = new int[newWidth * newHeight];
    width = newWidth;
    height = newHeight;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Rect bounds() {
    return new Rect(0, 0, width, height);
  }

  /** Copies {@code area} (inside the surface) into a new image of its size: a paint's seed. */
  BufferedImage seed(Rect area) {
    BufferedImage image = new BufferedImage(area.width(), area.height(), BufferedImage.TYPE_INT_RGB);
    int[] to = raster(image);
    for (int row = 0; row < area.height(); row++) {
      System.arraycopy(data, (area.y() + row) * width + area.x(), to, row * area.width(),
          area.width());
    }
    return image;
  }

  /** Writes the part {@code part} of {@code image}, which was painted for {@code area}. */
  void write(BufferedImage image, Rect area, Rect part) {
    int[] from = raster(image);
    for (int y = part.y(); y < part.bottom(); y++) {
      int src = (y - area.y()) * area.width() + (part.x() - area.x());
      int dst = y * width + part.x();
      for (int i = 0; i < part.width(); i++) {
        data[dst + i] = from[src + i] & 0x00FFFFFF;
      }
    }
  }

  /**
   * Afterwards {@code target} holds what the rectangle of its size at {@code source} held, even
   * where the two overlap. Both are inside the surface (the caller clipped them).
   */
  void move(Rect target, Point source) {
    boolean upward = target.y() <= source.y();
    for (int i = 0; i < target.height(); i++) {
      int row = upward ? i : target.height() - 1 - i;
      System.arraycopy(data, (source.y() + row) * width + source.x(),
          data, (target.y() + row) * width + target.x(), target.width());
    }
  }

  /** {@link org.plugvnc.api.capture.Framebuffer#read}, with its bounds checks. */
  void read(Rect area, int[] dst, int offset, int stride) {
    if (area.x() < 0 || area.y() < 0 || area.width() < 0 || area.height() < 0
        || area.right() > width || area.bottom() > height) {
      throw new IndexOutOfBoundsException(
          area + " is not inside the " + width + "x" + height + " framebuffer");
    }
    if (area.isEmpty()) {
      return;
    }
    if (offset < 0 || (area.height() > 1 && stride < area.width())) {
      throw new IndexOutOfBoundsException("offset " + offset + ", stride " + stride
          + " cannot hold rows of " + area.width() + " pixels");
    }
    if (offset + (long) (area.height() - 1) * stride + area.width() > dst.length) {
      throw new IndexOutOfBoundsException(
          "destination of " + dst.length + " pixels is too small for " + area);
    }
    for (int row = 0; row < area.height(); row++) {
      System.arraycopy(data, (area.y() + row) * width + area.x(), dst, offset + row * stride,
          area.width());
    }
  }

  private static int[] raster(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}
