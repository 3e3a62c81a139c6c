package org.plugvnc.engine.internal.pixel;

import java.util.function.IntUnaryOperator;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Lays pixel values out as bytes in a format's size and byte order, in chunks, so that an encoder
 * writing a million pixels makes a few hundred buffer calls rather than a million.
 */
final class PixelBytes {

  private static final int CHUNK_PIXELS = 1024;

  private final int bytesPerPixel;
  private final boolean bigEndian;
  private final byte[] chunk;

  PixelBytes(PixelFormat format) {
    this.bytesPerPixel = format.bytesPerPixel();
    this.bigEndian = format.bigEndian();
    this.chunk = new byte[CHUNK_PIXELS * bytesPerPixel];
  }

  /** Writes {@code count} colours from {@code rgb[offset]} on, each mapped by {@code toPixel}. */
  void write(IntUnaryOperator toPixel, int[] rgb, int offset, int count, RfbOutput out) {
    int done = 0;
    while (done < count) {
      int n = Math.min(CHUNK_PIXELS, count - done);
      int p = 0;
      for (int i = 0; i < n; i++) {
        p = put(toPixel.applyAsInt(rgb[offset + done + i]), p);
      }
      out.writeBytes(chunk, 0, p);
      done += n;
    }
  }

  /** Writes one pixel value. */
  void writeOne(int pixel, RfbOutput out) {
    byte[] b = new byte[bytesPerPixel];
    int p = 0;
    for (int i = 0; i < bytesPerPixel; i++) {
      int shift = bigEndian ? 8 * (bytesPerPixel - 1 - i) : 8 * i;
      b[p++] = (byte) (pixel >>> shift);
    }
    out.writeBytes(b, 0, p);
  }

  private int put(int v, int p) {
    switch (bytesPerPixel) {
      case 1:
        chunk[p] = (byte) v;
        return p + 1;
      case 2:
        if (bigEndian) {
          chunk[p] = (byte) (v >>> 8);
          chunk[p + 1] = (byte) v;
        } else {
          chunk[p] = (byte) v;
          chunk[p + 1] = (byte) (v >>> 8);
        }
        return p + 2;
      default:
        if (bigEndian) {
          chunk[p] = (byte) (v >>> 24);
          chunk[p + 1] = (byte) (v >>> 16);
          chunk[p + 2] = (byte) (v >>> 8);
          chunk[p + 3] = (byte) v;
        } else {
          chunk[p] = (byte) v;
          chunk[p + 1] = (byte) (v >>> 8);
          chunk[p + 2] = (byte) (v >>> 16);
          chunk[p + 3] = (byte) (v >>> 24);
        }
        return p + 4;
    }
  }
}
