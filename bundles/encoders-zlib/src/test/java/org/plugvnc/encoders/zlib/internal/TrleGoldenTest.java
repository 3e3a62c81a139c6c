package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plugvnc.encoders.zlib.internal.Pictures.bytes;
import static org.plugvnc.encoders.zlib.internal.Pictures.concat;
import static org.plugvnc.encoders.zlib.internal.Pictures.drawn;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.A;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.ABCD;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.B;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.CA;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.CB;
import static org.plugvnc.encoders.zlib.internal.ZrleTileGoldenTest.CC;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.testsupport.Formats;

/**
 * TRLE (RFC 6143 7.7.5) bytes written out by hand: 16x16 tiles with ZRLE's subencodings and no
 * zlib, and the palette reuse of 127 (packed) and 129 (palette RLE) where it saves bytes, only
 * right after a tile with a palette and never across rectangles. Colours as in
 * {@link ZrleTileGoldenTest} (RGB888 little-endian, 3-byte CPIXELs).
 */
class TrleGoldenTest {

  static byte[] trle(int[] px, int width) {
    return Pictures.encode(new TrleEncoder(), px, width, Formats.RGB888_LE);
  }

  @Test
  void tilesAreSixteenSquareWithZrlesSubencodings() {
    // 17x17: a 16x16 solid tile, a 1x16 solid column, a 16x1 packed row, a 1x1 corner.
    int[] px = new int[17 * 17];
    for (int y = 0; y < 17; y++) {
      for (int x = 0; x < 17; x++) {
        px[y * 17 + x] = x < 16 && y < 16 ? A : y < 16 ? B : x % 2 == 0 ? A : B;
      }
    }
    byte[] expected = concat(bytes(1), CA, bytes(1), CB,
        bytes(2), CA, CB, bytes(0b01010101, 0b01010101), bytes(1), CA);
    assertArrayEquals(expected, trle(px, 17));
  }

  @Test
  void theSamePaletteAgainIsReusedPacked() {
    int[] px = drawn(ABCD, "ABABABABABABABAB" + "BABABABABABABABA");
    byte[] expected = concat(bytes(2), CA, CB, bytes(0x55, 0x55), bytes(127, 0xAA, 0xAA));
    assertArrayEquals(expected, trle(px, 32));
  }

  @Test
  void aSubsetOfThePaletteIsReusedWithItsIndexes() {
    // Tile 1: A B C cycling, 2-bit indexes. Tile 2: only C and A, still 2-bit, C = 2, A = 0.
    int[] px = drawn(ABCD, "ABCABCABCABCABCA" + "CACACACACACACACA");
    byte[] expected = concat(bytes(3), CA, CB, CC, bytes(0x18, 0x61, 0x86, 0x18),
        bytes(127, 0x88, 0x88, 0x88, 0x88));
    assertArrayEquals(expected, trle(px, 32));
  }

  @Test
  void fewRunsOfTheSamePaletteAreReusedAsPaletteRle() {
    // 16x32: a checkered tile (packed), then a tile of 8 rows A over 8 rows B: two runs of 128.
    String[] rows = new String[32];
    for (int y = 0; y < 16; y++) {
      rows[y] = y % 2 == 0 ? "ABABABABABABABAB" : "BABABABABABABABA";
      rows[16 + y] = (y < 8 ? "A" : "B").repeat(16);
    }
    byte[] checkered = new byte[32];
    for (int y = 0; y < 16; y++) {
      checkered[2 * y] = checkered[2 * y + 1] = (byte) (y % 2 == 0 ? 0x55 : 0xAA);
    }
    byte[] expected = concat(bytes(2), CA, CB, checkered, bytes(129, 0x80, 127, 0x81, 127));
    assertArrayEquals(expected, trle(drawn(ABCD, rows), 16));
  }

  @Test
  void noReuseRightAfterASolidTile() {
    int[] px = drawn(ABCD, "ABABABABABABABAB" + "A".repeat(16) + "ABABABABABABABAB");
    byte[] packed = concat(bytes(2), CA, CB, bytes(0x55, 0x55));
    assertArrayEquals(concat(packed, bytes(1), CA, packed), trle(px, 48));
  }

  @Test
  void noReuseAcrossRectangles() {
    int[] px = drawn(ABCD, "ABABABABABABABAB");
    TrleEncoder encoder = new TrleEncoder();
    byte[] packed = concat(bytes(2), CA, CB, bytes(0x55, 0x55));
    assertArrayEquals(packed, Pictures.encode(encoder, px, 16, Formats.RGB888_LE));
    assertArrayEquals(packed, Pictures.encode(encoder, px, 16, Formats.RGB888_LE));
  }

  @Test
  void noPackedReuseOfAPaletteAboveSixteenColours() {
    // Tile 1: 17 colours in runs of 8 (palette RLE). Tile 2: 16 of them, no two neighbours alike:
    // reusing the 17-colour palette with 4-bit indexes would be smallest, but 127 indexes only
    // palettes of up to 16 colours, so the tile sends its own packed palette.
    int[] px = new int[16 * 32];
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        px[y * 16 + x] = x < 8 ? colour(y) : colour(16);
        px[(16 + y) * 16 + x] = colour((x + y) % 16);
      }
    }
    SpecTrleDecoder viewer = new SpecTrleDecoder();
    byte[] payload = Pictures.encode(new TrleEncoder(), px, 16, Formats.RGB888_LE);
    viewer.decode(payload, 16, 32, Formats.RGB888_LE);
    assertEquals(List.of(128 + 17, 16), viewer.subencodings());
  }

  private static int colour(int i) {
    return 0x030507 * (i + 1);
  }
}
