package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

/** ZRLE: the tiles are written by hand, uncompressed, then deflated as a server's stream. */
class ZrleDecoderTest {

  private static final int ZRLE = RfbNumbers.ENCODING_ZRLE;
  private static final int A = 0x123456;
  private static final int B = 0xABCDEF;
  private static final int C = 0x00FF00;
  private static final int D = 0x0000FF;
  private static final int E = 0xFF0000;

  /** Sends {@code tiles} (uncompressed) as one ZRLE rectangle. */
  private static void zrle(Updates u, int x, int y, int w, int h, TestBytes tiles) throws IOException {
    byte[] z = u.server("ZRLE").sync(tiles.array());
    u.apply(Updates.oneRect(x, y, w, h, ZRLE).u32(z.length).raw(z));
  }

  private static TestBytes tiles() {
    return TestBytes.bytes();
  }

  /** RGB888_LE: a CPIXEL is the 3 least significant bytes, least significant first. */
  private static TestBytes le(TestBytes t, int... rgb) {
    for (int c : rgb) {
      t.u8(c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
    }
    return t;
  }

  @Test
  void rawTile() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 2, 2, le(tiles().u8(0), A, B, C, D));
    assertArrayEquals(new int[] {A, B, C, D}, u.fb.buffer());
  }

  @Test
  void solidTilesAcrossATileBoundary() throws IOException {
    // 65x2: a 64x2 tile and a 1x2 tile
    Updates u = new Updates(65, 2, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 65, 2, le(le(tiles().u8(1), A).u8(1), B));
    assertEquals(A, u.fb.pixel(63, 1));
    assertEquals(B, u.fb.pixel(64, 0));
    assertEquals(B, u.fb.pixel(64, 1));
  }

  @Test
  void tilesGoDownAfterTheFirstRow() throws IOException {
    Updates u = new Updates(1, 65, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 1, 65, le(le(tiles().u8(1), A).u8(1), B));
    assertEquals(A, u.fb.pixel(0, 63));
    assertEquals(B, u.fb.pixel(0, 64));
  }

  @Test
  void packedPaletteOfTwoUsesOneBitPerPixel() throws IOException {
    Updates u = new Updates(4, 2, PixelFormat.RGB888_LE);
    // rows 0110 and 1001, most significant bit leftmost
    zrle(u, 0, 0, 4, 2, le(tiles().u8(2), A, B).u8(0x60, 0x90));
    assertArrayEquals(new int[] {A, B, B, A, B, A, A, B}, u.fb.buffer());
  }

  @Test
  void packedPaletteOfThreeUsesTwoBitsPerPixel() throws IOException {
    Updates u = new Updates(4, 2, PixelFormat.RGB888_LE);
    // rows 00 01 10 00 and 10 10 01 01
    zrle(u, 0, 0, 4, 2, le(tiles().u8(3), A, B, C).u8(0x18, 0xA5));
    assertArrayEquals(new int[] {A, B, C, A, C, C, B, B}, u.fb.buffer());
  }

  @Test
  void packedPaletteOfFiveUsesFourBitsWithRowPadding() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE);
    // width 3 takes 2 bytes a row: 4 0 3 _ and 1 2 4 _
    zrle(u, 0, 0, 3, 2, le(tiles().u8(5), A, B, C, D, E).u8(0x40, 0x30, 0x12, 0x40));
    assertArrayEquals(new int[] {E, A, D, B, C, E}, u.fb.buffer());
  }

  @Test
  void onePixelWidePackedRowsArePaddedToAByte() throws IOException {
    Updates u = new Updates(1, 3, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 1, 3, le(tiles().u8(2), A, B).u8(0x80, 0x00, 0xFF));
    assertArrayEquals(new int[] {B, A, B}, u.fb.buffer());
  }

  @Test
  void plainRleRunsWrapFromRowToRow() throws IOException {
    Updates u = new Updates(4, 2, PixelFormat.RGB888_LE);
    // A for 5 pixels (length byte 4), B for 3 (length byte 2)
    zrle(u, 0, 0, 4, 2, le(le(tiles().u8(128), A).u8(4), B).u8(2));
    assertArrayEquals(new int[] {A, A, A, A, A, B, B, B}, u.fb.buffer());
  }

  @Test
  void runLengthsOverTwoHundredFiftyFiveTakeMoreBytes() throws IOException {
    // 16x17 = 272 pixels: a run of 256 is [255, 0], then a run of 16 is [15]
    Updates u = new Updates(16, 17, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 16, 17, le(le(tiles().u8(128), A).u8(255, 0), B).u8(15));
    assertEquals(A, u.fb.pixel(15, 15));
    assertEquals(B, u.fb.pixel(0, 16));
    assertEquals(B, u.fb.pixel(15, 16));
  }

  @Test
  void paletteRleSinglePixelsAndRuns() throws IOException {
    Updates u = new Updates(4, 2, PixelFormat.RGB888_LE);
    // palette A, B; index 0 once, index 1 for 5 (0x81, 4), index 0 for 2 (0x80, 1)
    zrle(u, 0, 0, 4, 2, le(tiles().u8(130), A, B).u8(0x00, 0x81, 4, 0x80, 1));
    assertArrayEquals(new int[] {A, B, B, B, B, B, A, A}, u.fb.buffer());
  }

  @Test
  void paletteRleWithTheLargestPalette() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    TestBytes t = tiles().u8(255);
    for (int i = 0; i < 127; i++) {
      t.u8(i);
    }
    zrle(u, 0, 0, 2, 1, t.u8(126, 0x07));
    // 126 = 0b01_111_110: blue 1 (85), green 7 (255), red 6 (219); entry 7 is red 7
    assertArrayEquals(new int[] {0xDBFF55, 0xFF0000}, u.fb.buffer());
  }

  @Test
  void streamContinuesAcrossRectangles() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB888_LE);
    zrle(u, 0, 0, 1, 1, le(tiles().u8(1), A));
    zrle(u, 1, 0, 1, 1, le(tiles().u8(1), A));
    assertArrayEquals(new int[] {A, A}, u.fb.buffer());
  }

  @Test
  void cpixelOfBigEndianRgb888IsTheLowThreeBytesMostSignificantFirst() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.RGB888_BE);
    zrle(u, 0, 0, 1, 1, tiles().u8(1, 0x12, 0x34, 0x56));
    assertEquals(A, u.fb.pixel(0, 0));
  }

  @Test
  void cpixelCanBeTheMostSignificantThreeBytesInBothByteOrders() throws IOException {
    PixelFormat le = new PixelFormat(32, 24, false, true, 255, 255, 255, 24, 16, 8);
    Updates l = new Updates(1, 1, le);
    // value 0x12345600: little endian 00 56 34 12, its top three bytes 56 34 12
    zrle(l, 0, 0, 1, 1, tiles().u8(1, 0x56, 0x34, 0x12));
    assertEquals(A, l.fb.pixel(0, 0));
    PixelFormat be = new PixelFormat(32, 24, true, true, 255, 255, 255, 24, 16, 8);
    Updates b = new Updates(1, 1, be);
    zrle(b, 0, 0, 1, 1, tiles().u8(1, 0x12, 0x34, 0x56));
    assertEquals(A, b.fb.pixel(0, 0));
  }

  @Test
  void bitsFittingBothEndsUseTheLeastSignificantBytes() throws IOException {
    // depth 16, red and green in bits 8-23: both the low and the high three bytes hold them
    PixelFormat middle = new PixelFormat(32, 16, false, true, 255, 255, 0, 16, 8, 0);
    Updates u = new Updates(1, 1, middle);
    // value 0x00AABB00, low three bytes little endian: 00 BB AA
    zrle(u, 0, 0, 1, 1, tiles().u8(1, 0x00, 0xBB, 0xAA));
    assertEquals(0xAABB00, u.fb.pixel(0, 0));
  }

  @Test
  void depthAbove24KeepsFourBytePixels() throws IOException {
    PixelFormat deep = new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0);
    Updates u = new Updates(1, 1, deep);
    int value = 1023 << 20;
    zrle(u, 0, 0, 1, 1, tiles().u8(1, value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF,
        value >>> 24));
    assertEquals(0xFF0000, u.fb.pixel(0, 0));
  }

  @Test
  void channelsSpanningAllFourBytesKeepFourBytePixels() throws IOException {
    PixelFormat spread = new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 24);
    Updates u = new Updates(1, 1, spread);
    zrle(u, 0, 0, 1, 1, tiles().u8(1, 0x11, 0x22, 0x00, 0x33));
    assertEquals(0x112233, u.fb.pixel(0, 0));
  }

  @Test
  void sixteenAndEightBitPixels() throws IOException {
    Updates le = new Updates(2, 1, PixelFormat.RGB565_LE);
    zrle(le, 0, 0, 2, 1, tiles().u8(0, 0x00, 0xF8, 0x1F, 0x00));
    assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, le.fb.buffer());
    Updates be = new Updates(2, 1, PixelFormat.RGB565_BE);
    zrle(be, 0, 0, 2, 1, tiles().u8(0, 0xF8, 0x00, 0x00, 0x1F));
    assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, be.fb.buffer());
    Updates eight = new Updates(2, 1, PixelFormat.BGR233);
    zrle(eight, 0, 0, 2, 1, tiles().u8(0, 0x07, 0xC0));
    assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, eight.fb.buffer());
  }

  @Test
  void unusedSubencodingsAreRefused() throws IOException {
    for (int sub : new int[] {17, 100, 127, 129}) {
      Updates u = new Updates(1, 1, PixelFormat.BGR233);
      assertRefused(u, tiles().u8(sub, 0, 0), "subencoding " + sub);
    }
  }

  @Test
  void packedIndexPastThePaletteIsRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    assertRefused(u, tiles().u8(3, 1, 2, 3).u8(0xC0), "palette index 3");
  }

  @Test
  void paletteRleIndexPastThePaletteIsRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    assertRefused(u, tiles().u8(130, 1, 2).u8(0x05), "palette index 5");
  }

  @Test
  void runLongerThanTheTileIsRefused() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.BGR233);
    assertRefused(u, tiles().u8(128, 7, 4), "overflows");
  }

  @Test
  void endlessRunLengthIsRefusedWithinTheTile() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.BGR233);
    byte[] ff = new byte[100];
    Arrays.fill(ff, (byte) 0xFF);
    assertRefused(u, tiles().u8(130, 1, 2, 0x81).raw(ff), "overflows");
  }

  @Test
  void dataEndingInsideATileIsRefused() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    assertRefused(u, le(tiles().u8(0), A, B, C), "ends inside a tile");
  }

  @Test
  void bytesLeftAfterTheLastTileAreRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    assertRefused(u, tiles().u8(1, 7, 0), "more than its tiles");
  }

  @Test
  void inflatedDataBeyondTheMostARectangleCanTakeIsRefused() throws IOException {
    // 1x1 at 8 bpp can take at most 1 + 127 + 2 = 130 bytes
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    assertRefused(u, tiles().raw(new byte[131]), "more than the 130 bytes");
  }

  @Test
  void absurdCompressedLengthFailsBeforeReadingIt() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(0, 0, 1, 1, ZRLE).u32(1L << 31)));
    assertTrue(e.getMessage().contains("compressed length"), e.getMessage());
    assertEquals(16 + 4, u.consumed());
  }

  private static void assertRefused(Updates u, TestBytes tiles, String words) {
    byte[] z = u.server("ZRLE").sync(tiles.array());
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(0, 0, u.fb.width(), u.fb.height(), ZRLE).u32(z.length).raw(z)));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
