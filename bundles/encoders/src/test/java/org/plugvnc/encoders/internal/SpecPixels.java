package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * Reads PIXEL fields as a viewer does, from RFC 6143 section 7.4 alone: bitsPerPixel / 8 bytes,
 * most significant first when big-endian; true-colour fields scaled back to 8 bits as
 * {@code round(value * 255 / max)}, colour-map values looked up in the map.
 */
final class SpecPixels {

  private SpecPixels() {}

  /** Bytes of one PIXEL field. */
  static int size(PixelFormat format) {
    return format.bitsPerPixel() / 8;
  }

  /** The pixel value stored at {@code payload[at]}. */
  static long value(byte[] payload, int at, PixelFormat format) {
    int bytes = size(format);
    if (at + bytes > payload.length) {
      throw new IllegalArgumentException("pixel at " + at + " runs past " + payload.length);
    }
    long value = 0;
    for (int b = 0; b < bytes; b++) {
      int octet = payload[at + b] & 0xFF;
      value |= format.bigEndian()
          ? (long) octet << (8 * (bytes - 1 - b))
          : (long) octet << (8 * b);
    }
    return value;
  }

  /** The 0x00RRGGBB colour a viewer shows for pixel value {@code value}. */
  static int colour(long value, PixelFormat format, int[] colourMap) {
    if (!format.trueColour()) {
      return colourMap[(int) value];
    }
    int r = expand((int) (value >>> format.redShift()) & format.redMax(), format.redMax());
    int g = expand((int) (value >>> format.greenShift()) & format.greenMax(), format.greenMax());
    int b = expand((int) (value >>> format.blueShift()) & format.blueMax(), format.blueMax());
    return r << 16 | g << 8 | b;
  }

  /** Scales a field value of {@code 0..max} to 8 bits, rounded to the nearest. */
  static int expand(int value, int max) {
    return (int) Math.round(value * 255.0 / max);
  }

  /** Fills {@code w x h} at ({@code x}, {@code y}) of a {@code stride}-wide picture. */
  static void fill(int[] picture, int stride, int x, int y, int w, int h, int colour) {
    for (int row = y; row < y + h; row++) {
      for (int col = x; col < x + w; col++) {
        picture[row * stride + col] = colour;
      }
    }
  }
}
