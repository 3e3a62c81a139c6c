package org.plugvnc.encoders.internal;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/** A test framebuffer over an int array that records every read, to check how encoders read. */
final class ArrayFramebuffer implements Framebuffer {

  private final int width;
  private final int height;
  private final int[] pixels;
  final List<Rect> reads = new ArrayList<>();
  int largestBuffer;

  ArrayFramebuffer(int width, int height) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
  }

  void set(int x, int y, int rgb) {
    pixels[y * width + x] = rgb;
  }

  int get(int x, int y) {
    return pixels[y * width + x];
  }

  /** Fills the whole framebuffer with colours that differ from pixel to pixel. */
  ArrayFramebuffer fillWithPattern() {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        set(x, y, ((x * 37 + y * 11) & 0xFF) << 16 | ((x * 7 + y * 53) & 0xFF) << 8 | ((x ^ y) & 0xFF));
      }
    }
    return this;
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
    if (area.x() < 0 || area.y() < 0 || area.right() > width || area.bottom() > height) {
      throw new IndexOutOfBoundsException("area " + area + " outside " + width + "x" + height);
    }
    if (offset + (area.height() - 1) * stride + area.width() > dst.length) {
      throw new IndexOutOfBoundsException("destination too small for " + area);
    }
    reads.add(area);
    largestBuffer = Math.max(largestBuffer, dst.length);
    for (int row = 0; row < area.height(); row++) {
      System.arraycopy(pixels, (area.y() + row) * width + area.x(), dst, offset + row * stride,
          area.width());
    }
  }
}
