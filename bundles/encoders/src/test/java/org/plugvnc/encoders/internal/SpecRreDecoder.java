package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * An RRE decoder written from RFC 6143 section 7.7.3 alone: a U32 number-of-subrectangles, the
 * background-pixel-value, then per subrectangle a subrect-pixel-value and U16 x-position,
 * y-position, width and height. "The client can render the original rectangle by drawing a filled
 * rectangle of the background pixel value and then drawing a filled rectangle corresponding to
 * each subrectangle."
 *
 * <p>Strict where the spec is: each subrectangle's value differs from the background ("v (!= Vb)")
 * and lies inside the rectangle, and the payload holds nothing more.
 */
final class SpecRreDecoder {

  private SpecRreDecoder() {}

  /** Decodes an RRE payload for a {@code width x height} rectangle into 0x00RRGGBB colours. */
  static int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap) {
    return decode(payload, width, height, format, colourMap, 2);
  }

  /** Decodes with subrectangle fields of {@code fieldBytes} bytes each (2 for RRE, 1 for CoRRE). */
  static int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap,
      int fieldBytes) {
    int pixelBytes = SpecPixels.size(format);
    long count = field(payload, 0, 4);
    long background = SpecPixels.value(payload, 4, format);
    int[] rgb = new int[width * height];
    SpecPixels.fill(rgb, width, 0, 0, width, height,
        SpecPixels.colour(background, format, colourMap));
    int at = 4 + pixelBytes;
    for (long i = 0; i < count; i++) {
      long value = SpecPixels.value(payload, at, format);
      at += pixelBytes;
      int x = (int) field(payload, at, fieldBytes);
      int y = (int) field(payload, at + fieldBytes, fieldBytes);
      int w = (int) field(payload, at + 2 * fieldBytes, fieldBytes);
      int h = (int) field(payload, at + 3 * fieldBytes, fieldBytes);
      at += 4 * fieldBytes;
      if (value == background) {
        throw new IllegalArgumentException("subrectangle " + i + " has the background's value");
      }
      if (w == 0 || h == 0 || x + w > width || y + h > height) {
        throw new IllegalArgumentException("subrectangle " + i + " " + x + "," + y + " " + w + "x"
            + h + " outside " + width + "x" + height);
      }
      SpecPixels.fill(rgb, width, x, y, w, h, SpecPixels.colour(value, format, colourMap));
    }
    if (at != payload.length) {
      throw new IllegalArgumentException(payload.length - at + " bytes after the subrectangles");
    }
    return rgb;
  }

  /** Number of subrectangles in an RRE or CoRRE payload. */
  static long subrectangles(byte[] payload) {
    return field(payload, 0, 4);
  }

  /** An unsigned big-endian number of {@code bytes} bytes at {@code at}. */
  static long field(byte[] payload, int at, int bytes) {
    if (at + bytes > payload.length) {
      throw new IllegalArgumentException("field at " + at + " runs past " + payload.length);
    }
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = v << 8 | (payload[at + i] & 0xFF);
    }
    return v;
  }
}
