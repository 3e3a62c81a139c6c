package org.plugvnc.client.decode;

import org.plugvnc.client.PixelFormat;

/**
 * ZRLE's and TRLE's CPIXEL (RFC 6143 7.7.5, rfbproto "ZRLE Encoding"): "the same as a PIXEL for
 * the agreed pixel format, except where true-colour-flag is non-zero, bits-per-pixel is 32, depth
 * is 24 or less and all of the bits making up the red, green and blue intensities fit in either
 * the least significant 3 bytes or the most significant 3 bytes. In this case a CPIXEL is only 3
 * bytes long, and contains the least significant or the most significant 3 bytes as appropriate.
 * [...] By convention, the three least significant bytes are used when both the three least and
 * the three most significant bytes would cover the used bits."
 *
 * <p>The three bytes keep the pixel format's byte order: little endian sends the least
 * significant of them first, big endian the most significant.
 */
final class CompressedPixels {

  private final PixelDecoder pixels;
  private final int bytes;
  private final boolean bigEndian;
  /** 8 when a 3-byte CPIXEL holds the most significant bytes, else 0. */
  private final int shift;

  private CompressedPixels(PixelDecoder pixels, int bytes, int shift) {
    this.pixels = pixels;
    this.bytes = bytes;
    this.bigEndian = pixels.format().bigEndian();
    this.shift = shift;
  }

  /** @return the CPIXEL rules for the format {@code pixels} decodes */
  static CompressedPixels of(PixelDecoder pixels) {
    PixelFormat f = pixels.format();
    if (f.trueColour() && f.bitsPerPixel() == 32 && f.depth() <= 24) {
      long used = (long) f.redMax() << f.redShift() | (long) f.greenMax() << f.greenShift()
          | (long) f.blueMax() << f.blueShift();
      if ((used & ~0xFFFFFFL) == 0) {
        return new CompressedPixels(pixels, 3, 0);
      }
      if ((used & ~0xFFFFFF00L) == 0) {
        return new CompressedPixels(pixels, 3, 8);
      }
    }
    return new CompressedPixels(pixels, pixels.bytesPerPixel(), 0);
  }

  /** @return bytesPerCPixel */
  int bytes() {
    return bytes;
  }

  /** @return the CPIXEL at {@code b[off]} as 0x00RRGGBB */
  int rgb(byte[] b, int off) {
    if (bytes != 3) {
      return pixels.rgb(pixels.value(b, off));
    }
    int v = bigEndian
        ? (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | b[off + 2] & 0xFF
        : (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | b[off] & 0xFF;
    return pixels.rgb(v << shift);
  }
}
