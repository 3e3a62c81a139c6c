package org.plugvnc.client.decode;

import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;

/**
 * Turns wire pixel values of one pixel format into 0x00RRGGBB. True-colour channels are scaled
 * back to 0..255 as round(v * 255 / max) through per-channel tables; colour-map values are
 * looked up in the live {@link ColourMap}. Immutable apart from that map.
 */
public final class PixelDecoder {

  private final PixelFormat format;
  private final int bytesPerPixel;
  private final boolean bigEndian;
  private final ColourMap colourMap;
  private final int[] red;
  private final int[] green;
  private final int[] blue;

  private PixelDecoder(PixelFormat format, ColourMap colourMap) {
    this.format = format;
    this.bytesPerPixel = format.bytesPerPixel();
    this.bigEndian = format.bigEndian();
    this.colourMap = colourMap;
    this.red = format.trueColour() ? table(format.redMax(), 16) : null;
    this.green = format.trueColour() ? table(format.greenMax(), 8) : null;
    this.blue = format.trueColour() ? table(format.blueMax(), 0) : null;
  }

  /**
   * @param format the format the server sends pixels in
   * @param colourMap the map to use when the format is not true colour
   * @return a decoder for it
   * @throws RfbProtocolException if bits-per-pixel is not 8, 16 or 32, or a true-colour shift
   *         is 32 or more
   */
  public static PixelDecoder of(PixelFormat format, ColourMap colourMap) throws RfbProtocolException {
    int bpp = format.bitsPerPixel();
    if (bpp != 8 && bpp != 16 && bpp != 32) {
      throw new RfbProtocolException("cannot decode bits-per-pixel " + bpp + " in " + format);
    }
    if (format.trueColour() && (format.redShift() > 31 || format.greenShift() > 31
        || format.blueShift() > 31)) {
      throw new RfbProtocolException("cannot decode shifts above 31 in " + format);
    }
    return new PixelDecoder(format, colourMap);
  }

  /** @return the format this decoder reads */
  public PixelFormat format() {
    return format;
  }

  /** @return bytes per pixel value on the wire */
  public int bytesPerPixel() {
    return bytesPerPixel;
  }

  /** @return the pixel value starting at {@code b[off]}, in the format's byte order */
  public int value(byte[] b, int off) {
    switch (bytesPerPixel) {
      case 1:
        return b[off] & 0xFF;
      case 2:
        return bigEndian ? (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF
            : (b[off + 1] & 0xFF) << 8 | b[off] & 0xFF;
      default:
        return bigEndian
            ? (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF
            : (b[off + 3] & 0xFF) << 24 | (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | b[off] & 0xFF;
    }
  }

  /** @return pixel value {@code value} as 0x00RRGGBB */
  public int rgb(int value) {
    if (red == null) {
      return colourMap.get(value);
    }
    return red[(value >>> format.redShift()) & format.redMax()]
        | green[(value >>> format.greenShift()) & format.greenMax()]
        | blue[(value >>> format.blueShift()) & format.blueMax()];
  }

  /**
   * Decodes {@code count} consecutive wire pixels.
   *
   * @param src wire bytes
   * @param srcOff offset of the first pixel
   * @param dst destination of 0x00RRGGBB values
   * @param dstOff index of the first destination pixel
   * @param count number of pixels
   */
  public void decode(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
    for (int i = 0; i < count; i++) {
      dst[dstOff + i] = rgb(value(src, srcOff + i * bytesPerPixel));
    }
  }

  /** Channel value 0..max to 0..255 (round half up), placed at {@code position}. */
  private static int[] table(int max, int position) {
    int[] t = new int[max + 1];
    for (int v = 1; v <= max; v++) {
      t[v] = ((v * 510 + max) / (2 * max)) << position;
    }
    return t;
  }
}
