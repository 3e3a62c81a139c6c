package org.plugvnc.client;

/**
 * An RFB PIXEL_FORMAT (RFC 6143 7.4): how pixel values are laid out on the wire. Any field values
 * that fit their wire sizes are accepted, so that tests can also send formats a server must
 * refuse; whether this client can decode a format is checked when it is used for decoding.
 *
 * @param bitsPerPixel bits per pixel value on the wire (8, 16 or 32 to be decodable)
 * @param depth number of useful bits in a pixel value
 * @param bigEndian byte order of multi-byte pixel values
 * @param trueColour true for true colour, false for colour-map indices
 * @param redMax maximum red value (2^n - 1)
 * @param greenMax maximum green value
 * @param blueMax maximum blue value
 * @param redShift right shift that brings red to the least significant bits
 * @param greenShift right shift for green
 * @param blueShift right shift for blue
 */
public record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour,
    int redMax, int greenMax, int blueMax, int redShift, int greenShift, int blueShift) {

  /** Length of a PIXEL_FORMAT on the wire, padding included. */
  public static final int WIRE_LENGTH = 16;

  /** 32 bpp, depth 24, little endian, 0x00RRGGBB values: what most servers use natively. */
  public static final PixelFormat RGB888_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
  /** 32 bpp, depth 24, big endian, 0x00RRGGBB values. */
  public static final PixelFormat RGB888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);
  /** 32 bpp, depth 24, little endian, 0x00BBGGRR values. */
  public static final PixelFormat BGR888_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16);
  /** 16 bpp 5-6-5, little endian. */
  public static final PixelFormat RGB565_LE = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
  /** 16 bpp 5-6-5, big endian. */
  public static final PixelFormat RGB565_BE = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
  /** 16 bpp 5-5-5, little endian. */
  public static final PixelFormat RGB555_LE = new PixelFormat(16, 15, false, true, 31, 31, 31, 10, 5, 0);
  /** 8 bpp true colour BGR233: red in bits 0-2, green 3-5, blue 6-7. */
  public static final PixelFormat BGR233 = new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6);
  /** 8 bpp colour-map indices. */
  public static final PixelFormat INDEXED_8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);

  /** @throws IllegalArgumentException if a field does not fit its U8/U16 wire field */
  public PixelFormat {
    checkU8(bitsPerPixel, "bitsPerPixel");
    checkU8(depth, "depth");
    checkU16(redMax, "redMax");
    checkU16(greenMax, "greenMax");
    checkU16(blueMax, "blueMax");
    checkU8(redShift, "redShift");
    checkU8(greenShift, "greenShift");
    checkU8(blueShift, "blueShift");
  }

  /** @return bits per pixel / 8 (rounded up) */
  public int bytesPerPixel() {
    return (bitsPerPixel + 7) / 8;
  }

  /** @return the 16 wire bytes, padding zero */
  public byte[] toBytes() {
    byte[] b = new byte[WIRE_LENGTH];
    b[0] = (byte) bitsPerPixel;
    b[1] = (byte) depth;
    b[2] = (byte) (bigEndian ? 1 : 0);
    b[3] = (byte) (trueColour ? 1 : 0);
    putU16(b, 4, redMax);
    putU16(b, 6, greenMax);
    putU16(b, 8, blueMax);
    b[10] = (byte) redShift;
    b[11] = (byte) greenShift;
    b[12] = (byte) blueShift;
    return b;
  }

  /**
   * Reads a PIXEL_FORMAT; any non-zero flag byte means true, padding is ignored.
   *
   * @param b bytes holding the format
   * @param off offset of its first byte; 16 bytes must follow
   * @return the format
   */
  public static PixelFormat fromBytes(byte[] b, int off) {
    return new PixelFormat(b[off] & 0xFF, b[off + 1] & 0xFF, b[off + 2] != 0, b[off + 3] != 0,
        u16(b, off + 4), u16(b, off + 6), u16(b, off + 8),
        b[off + 10] & 0xFF, b[off + 11] & 0xFF, b[off + 12] & 0xFF);
  }

  private static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
  }

  private static void putU16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  private static void checkU8(int v, String name) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(name + " out of U8 range: " + v);
    }
  }

  private static void checkU16(int v, String name) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(name + " out of U16 range: " + v);
    }
  }
}
