package org.plugvnc.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * A framebuffer over an int array, checked the way the contract says, that records every read so
 * that tests can see how an encoder reads.
 */
public final class ArrayFramebuffer implements Framebuffer {

  private final int width;
  private final int height;
  private final int[] pixels;
  private final List<Rect> reads = new ArrayList<>();
  private int largestBuffer;

  /** A black framebuffer. */
  public ArrayFramebuffer(int width, int height) {
    this(width, height, new int[width * height]);
  }

  /** A framebuffer over {@code pixels}, row by row. */
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

  /** Fills the whole framebuffer with colours that differ from pixel to pixel; returns this. */
  public ArrayFramebuffer fillWithPattern() {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        set(x, y, ((x * 37 + y * 11) & 0xFF) << 16 | ((x * 7 + y * 53) & 0xFF) << 8 | ((x ^ y) & 0xFF));
      }
    }
    return this;
  }

  /** Sets the colour at (x, y). */
  public void set(int x, int y, int rgb) {
    pixels[y * width + x] = rgb;
  }

  /** The colour at (x, y). */
  public int at(int x, int y) {
    return pixels[y * width + x];
  }

  /** The areas read so far, in order. */
  public List<Rect> reads() {
    return reads;
  }

  /** The largest destination array a read was given, in pixels. */
  public int largestBuffer() {
    return largestBuffer;
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
