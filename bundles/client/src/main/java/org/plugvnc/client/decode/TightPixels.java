package org.plugvnc.client.decode;

import org.plugvnc.client.PixelFormat;

/**
 * Tight's TPIXEL (rfbproto "Tight Encoding"): "the same as a PIXEL for the agreed pixel format,
 * except where true-colour-flag is non-zero, bits-per-pixel is 32, depth is 24 and all of the
 * bits making up the red, green and blue intensities are exactly 8 bits wide. In this case a
 * TPIXEL is only 3 bytes long, where the first byte is the red component, the second byte is the
 * green component, and the third byte is the blue component of the pixel color value." Byte
 * order and shifts do not matter for the 3-byte form.
 */
final class TightPixels {

  private final PixelDecoder pixels;
  private final boolean rgb24;

  private TightPixels(PixelDecoder pixels, boolean rgb24) {
    this.pixels = pixels;
    this.rgb24 = rgb24;
  }

  /** @return the TPIXEL rules for the format {@code pixels} decodes */
  static TightPixels of(PixelDecoder pixels) {
    PixelFormat f = pixels.format();
    boolean rgb24 = f.trueColour() && f.bitsPerPixel() == 32 && f.depth() == 24
        && f.redMax() == 255 && f.greenMax() == 255 && f.blueMax() == 255;
    return new TightPixels(pixels, rgb24);
  }

  /** @return whether a TPIXEL is the 3-byte red, green, blue form */
  boolean rgb24() {
    return rgb24;
  }

  /** @return bytes per TPIXEL */
  int bytes() {
    return rgb24 ? 3 : pixels.bytesPerPixel();
  }

  /** @return the pixel decoder of the format in force */
  PixelDecoder pixels() {
    return pixels;
  }

  /** @return the TPIXEL at {@code b[off]} as 0x00RRGGBB */
  int rgb(byte[] b, int off) {
    if (rgb24) {
      return (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | b[off + 2] & 0xFF;
    }
    return pixels.rgb(pixels.value(b, off));
  }
}
