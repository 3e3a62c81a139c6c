package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.plugvnc.encoders.zlib.internal.Pictures.bytes;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;

/**
 * CPIXEL sizes and bytes (RFC 6143 7.7.6) for every case, seen through a 1x1 solid ZRLE tile:
 * subencoding 1, then the CPIXEL. Expected bytes are worked out by hand from the pixel value.
 */
class CpixelTest {

  /** Colour bits in the most significant three bytes only: red 8-15, green 16-23, blue 24-31. */
  static final PixelFormat HIGH_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 8, 16, 24);
  /** Colour bits in the most significant three bytes only: red 24-31, green 16-23, blue 8-15. */
  static final PixelFormat HIGH_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 24, 16, 8);
  /** Depth 16 in bits 8-23: fits both ways, so the three least significant bytes go. */
  static final PixelFormat MIDDLE_LE = new PixelFormat(32, 16, false, true, 31, 63, 31, 19, 13, 8);
  static final PixelFormat MIDDLE_BE = new PixelFormat(32, 16, true, true, 31, 63, 31, 19, 13, 8);
  /** Red in bits 24-31, green and blue in 0-15: fits neither way, so all four bytes go. */
  static final PixelFormat SPREAD = new PixelFormat(32, 24, false, true, 255, 255, 255, 24, 8, 0);
  /** Depth 32: more than 24, so all four bytes go even though the colours fit in three. */
  static final PixelFormat DEPTH_32 = new PixelFormat(32, 32, true, true, 255, 255, 255, 16, 8, 0);
  /** A colour map at 32 bits per pixel: not true colour, so all four bytes go. */
  static final PixelFormat MAP_32 = new PixelFormat(32, 8, false, false, 0, 0, 0, 0, 0, 0);

  static byte[] solid(int colour, PixelFormat format) {
    return ZrleTileGoldenTest.tileData(new ZrleEncoder(new TestEncoderContext()),
        new int[] {colour}, 1, format);
  }

  @Test
  void leastSignificantThreeBytesInEitherByteOrder() {
    // value 0x00112233: little-endian 33 22 11 [00], big-endian [00] 11 22 33.
    assertArrayEquals(bytes(1, 0x33, 0x22, 0x11), solid(0x112233, Formats.RGB888_LE));
    assertArrayEquals(bytes(1, 0x11, 0x22, 0x33), solid(0x112233, Formats.RGB888_BE));
    // BGR: value 0x00332211, big-endian [00] 33 22 11.
    assertArrayEquals(bytes(1, 0x33, 0x22, 0x11), solid(0x112233, Formats.BGR888_BE));
  }

  @Test
  void mostSignificantThreeBytesInEitherByteOrder() {
    // value 0x33221100: little-endian [00] 11 22 33.
    assertArrayEquals(bytes(1, 0x11, 0x22, 0x33), solid(0x112233, HIGH_LE));
    // value 0x11223300: big-endian 11 22 33 [00].
    assertArrayEquals(bytes(1, 0x11, 0x22, 0x33), solid(0x112233, HIGH_BE));
  }

  @Test
  void bothFitSoTheLeastSignificantThreeBytesGo() {
    // red 31 << 19 = 0x00F80000: little-endian 00 00 F8 [00], big-endian [00] F8 00 00.
    assertArrayEquals(bytes(1, 0x00, 0x00, 0xF8), solid(0xFF0000, MIDDLE_LE));
    assertArrayEquals(bytes(1, 0xF8, 0x00, 0x00), solid(0xFF0000, MIDDLE_BE));
  }

  @Test
  void otherwiseAWholePixel() {
    // 0x11 << 24 | 0x22 << 8 | 0x33 = 0x11002233, little-endian.
    assertArrayEquals(bytes(1, 0x33, 0x22, 0x00, 0x11), solid(0x112233, SPREAD));
    assertArrayEquals(bytes(1, 0x00, 0x11, 0x22, 0x33), solid(0x112233, DEPTH_32));
    // 0x0000FF is entry 4 of the test colour map.
    assertArrayEquals(bytes(1, 4, 0, 0, 0), solid(0x0000FF, MAP_32));
    // red 31 << 11 = 0xF800.
    assertArrayEquals(bytes(1, 0xF8, 0x00), solid(0xFF0000, Formats.RGB565_BE));
    assertArrayEquals(bytes(1, 0x00, 0xF8), solid(0xFF0000, Formats.RGB565_LE));
    assertArrayEquals(bytes(1, 0x07), solid(0xFF0000, Formats.BGR233));
    // 0x804020 is entry 5.
    assertArrayEquals(bytes(1, 5), solid(0x804020, Formats.COLOUR_MAP_8));
  }

  @Test
  void palettesAndRawPixelsUseCpixelsToo() {
    // Two 4-colour pixels: raw, each pixel three bytes in the most significant layout.
    byte[] raw = ZrleTileGoldenTest.tileData(new ZrleEncoder(new TestEncoderContext()),
        new int[] {0x112233, 0x445566}, 2, HIGH_LE);
    assertArrayEquals(bytes(0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66), raw);
    // A B A: packed, a palette of two such CPIXELs, then indexes 0 1 0.
    byte[] packed = ZrleTileGoldenTest.tileData(new ZrleEncoder(new TestEncoderContext()),
        new int[] {0x112233, 0x445566, 0x112233}, 3, HIGH_BE);
    assertArrayEquals(bytes(2, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0b01000000), packed);
  }
}
