package org.plugvnc.engine.internal.testsupport;

import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/** A framebuffer over an int array, checked the way the contract says. */
public final class ArrayFramebuffer implements Framebuffer {

  private final int width;
  private final int height;
  private final int[] pixels;

  public ArrayFramebuffer(int width, int height, int[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /** A framebuffer whose every pixel has a distinct, deterministic colour. */
  public static ArrayFramebuffer distinct(int width, int height) {
    int[] p = new int[width * height];
    for (int i = 0; i < p.length; i++) {
      p[i] = (i * 0x9E3779B1) & 0xFFFFFF;
    }
    return new ArrayFramebuffer(width, height, p);
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  /** The colour at (x, y). */
  public int at(int x, int y) {
    return pixels[y * width + x];
  }

  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    if (area.x() < 0 || area.y() < 0 || area.right() > width || area.bottom() > height) {
      throw new IndexOutOfBoundsException(area + " outside " + width + "x" + height);
    }
    for (int y = 0; y < area.height(); y++) {
      System.arraycopy(pixels, (area.y() + y) * width + area.x(), dst,
          offset + y * stride, area.width());
    }
  }
}
