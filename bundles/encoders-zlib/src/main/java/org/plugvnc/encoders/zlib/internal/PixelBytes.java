package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * How a pixel value goes on the wire in ZRLE and TRLE: a {@code CPIXEL} (RFC 6143 7.7.5 and
 * 7.7.6), written into a byte array.
 *
 * <p>The spec: a {@code CPIXEL} "is the same as a PIXEL for the agreed pixel format, except where
 * true-colour-flag is non-zero, bits-per-pixel is 32, depth is 24 or less and all of the bits
 * making up the red, green and blue intensities fit in either the least significant 3 bytes or the
 * most significant 3 bytes. In this case a CPIXEL is only 3 bytes long, and contains the least
 * significant or the most significant 3 bytes as appropriate." and "By convention, the three least
 * significant bytes are used when both the three least and the three most significant bytes would
 * cover the used bits."
 *
 * <p>The three bytes keep the pixel format's byte order, so a 3-byte {@code CPIXEL} is the 4-byte
 * {@code PIXEL} with its unused byte left out:
 * <ul>
 *   <li>colour bits within bits 0-23 (also when they fit both ways): little-endian sends bits 0-7,
 *       8-15, 16-23 (the PIXEL without its last byte); big-endian sends bits 16-23, 8-15, 0-7 (the
 *       PIXEL without its first byte);
 *   <li>colour bits within bits 8-31 only: little-endian sends bits 8-15, 16-23, 24-31 (the PIXEL
 *       without its first byte); big-endian sends bits 24-31, 16-23, 8-15 (the PIXEL without its
 *       last byte).
 * </ul>
 * Every other format (8 or 16 bits per pixel, depth above 24, colour bits spread over all four
 * bytes, colour maps) sends a whole {@code PIXEL}: bitsPerPixel / 8 bytes in its byte order.
 */
final class PixelBytes {

  private final int size;
  private final boolean bigEndian;
  /** 8 when a 3-byte CPIXEL carries the most significant bytes, else 0. */
  private final int shift;

  private PixelBytes(int size, boolean bigEndian, int shift) {
    this.size = size;
    this.bigEndian = bigEndian;
    this.shift = shift;
  }

  /** The {@code CPIXEL} layout for {@code format}. */
  static PixelBytes compact(PixelFormat format) {
    if (format.trueColour() && format.bitsPerPixel() == 32 && format.depth() <= 24) {
      long used = (long) format.redMax() << format.redShift()
          | (long) format.greenMax() << format.greenShift()
          | (long) format.blueMax() << format.blueShift();
      if ((used & 0xFF000000L) == 0) {
        return new PixelBytes(3, format.bigEndian(), 0);
      }
      if ((used & 0xFFL) == 0) {
        return new PixelBytes(3, format.bigEndian(), 8);
      }
    }
    return new PixelBytes(format.bytesPerPixel(), format.bigEndian(), 0);
  }

  /** Bytes per written value: 1, 2, 3 or 4. */
  int size() {
    return size;
  }

  /** Writes pixel value {@code value} at {@code b[pos]}; returns the position after it. */
  int put(int value, byte[] b, int pos) {
    switch (size) {
      case 1:
        b[pos] = (byte) value;
        return pos + 1;
      case 2:
        if (bigEndian) {
          b[pos] = (byte) (value >>> 8);
          b[pos + 1] = (byte) value;
        } else {
          b[pos] = (byte) value;
          b[pos + 1] = (byte) (value >>> 8);
        }
        return pos + 2;
      case 3:
        return putThree(value >>> shift, b, pos);
      default:
        if (bigEndian) {
          b[pos] = (byte) (value >>> 24);
          b[pos + 1] = (byte) (value >>> 16);
          b[pos + 2] = (byte) (value >>> 8);
          b[pos + 3] = (byte) value;
        } else {
          b[pos] = (byte) value;
          b[pos + 1] = (byte) (value >>> 8);
          b[pos + 2] = (byte) (value >>> 16);
          b[pos + 3] = (byte) (value >>> 24);
        }
        return pos + 4;
    }
  }

  private int putThree(int v, byte[] b, int pos) {
    if (bigEndian) {
      b[pos] = (byte) (v >>> 16);
      b[pos + 1] = (byte) (v >>> 8);
      b[pos + 2] = (byte) v;
    } else {
      b[pos] = (byte) v;
      b[pos + 1] = (byte) (v >>> 8);
      b[pos + 2] = (byte) (v >>> 16);
    }
    return pos + 3;
  }
}
