package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.testsupport.Formats;

/**
 * Reads PIXEL and CPIXEL values as a viewer does, from the spec alone, and turns them into the
 * colour the viewer shows.
 *
 * <p>PIXEL (RFC 6143 7.4 and section 7): bitsPerPixel / 8 bytes, most significant first when
 * big-endian. CPIXEL (RFC 6143 7.7.5/7.7.6): "the same as a PIXEL for the agreed pixel format,
 * except where true-colour-flag is non-zero, bits-per-pixel is 32, depth is 24 or less and all of
 * the bits making up the red, green and blue intensities fit in either the least significant 3
 * bytes or the most significant 3 bytes. In this case a CPIXEL is only 3 bytes long, and contains
 * the least significant or the most significant 3 bytes as appropriate", the least significant
 * "when both ... would cover the used bits". The three bytes are read in the format's byte order.
 *
 * <p>Colour: in true colour each field {@code (v >> shift) & max} scaled to 0..255 (rounded); with
 * a colour map, the entry the test viewer was sent ({@link Formats#COLOUR_MAP}).
 */
final class SpecPixels {

  private final PixelFormat format;
  private final int cpixelBytes;
  /** For a 3-byte CPIXEL of the most significant bytes: how far to shift it back. */
  private final int cpixelShift;

  SpecPixels(PixelFormat format) {
    this.format = format;
    int bytes = format.bitsPerPixel() / 8;
    int shift = 0;
    if (format.trueColour() && format.bitsPerPixel() == 32 && format.depth() <= 24) {
      long bits = (long) format.redMax() << format.redShift()
          | (long) format.greenMax() << format.greenShift()
          | (long) format.blueMax() << format.blueShift();
      boolean inLeast = bits < (1L << 24);
      boolean inMost = (bits & 0xFF) == 0;
      if (inLeast || inMost) {
        bytes = 3;
        shift = inLeast ? 0 : 8;
      }
    }
    cpixelBytes = bytes;
    cpixelShift = shift;
  }

  int bytesPerPixel() {
    return format.bitsPerPixel() / 8;
  }

  int bytesPerCPixel() {
    return cpixelBytes;
  }

  /** The colour of the next PIXEL. */
  int pixel(WireReader in) {
    return colour(value(in, bytesPerPixel()));
  }

  /** The colour of the next CPIXEL. */
  int cpixel(WireReader in) {
    return colour(value(in, cpixelBytes) << cpixelShift);
  }

  private int value(WireReader in, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int b = in.u8();
      v = format.bigEndian() ? v << 8 | b : v | b << (8 * i);
    }
    return v;
  }

  /** The colour a viewer shows for pixel value {@code v}. */
  int colour(int v) {
    if (!format.trueColour()) {
      if (v >= Formats.COLOUR_MAP.length) {
        throw new AssertionError("pixel value " + v + " outside the colour map");
      }
      return Formats.COLOUR_MAP[v];
    }
    return scale(v >>> format.redShift() & format.redMax(), format.redMax()) << 16
        | scale(v >>> format.greenShift() & format.greenMax(), format.greenMax()) << 8
        | scale(v >>> format.blueShift() & format.blueMax(), format.blueMax());
  }

  private static int scale(int field, int max) {
    return (int) Math.round(field * 255.0 / max);
  }
}
