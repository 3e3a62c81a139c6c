package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

/** TRLE: 16x16 tiles straight on the wire, so every test is literal bytes. */
class TrleDecoderTest {

  private static final int TRLE = RfbNumbers.ENCODING_TRLE;
  /** BGR233 values: red, green, blue, white. */
  private static final int R8 = 0x07;
  private static final int G8 = 0x38;
  private static final int B8 = 0xC0;
  private static final int W8 = 0xFF;
  private static final int R = 0xFF0000;
  private static final int G = 0x00FF00;
  private static final int B = 0x0000FF;
  private static final int W = 0xFFFFFF;

  private static TestBytes rect(int w, int h) {
    return Updates.oneRect(0, 0, w, h, TRLE);
  }

  @Test
  void rawAndSolidTilesOfSixteenPixels() throws IOException {
    // 17x2: a 16x2 solid tile, then a 1x2 raw tile
    Updates u = new Updates(17, 2, PixelFormat.BGR233);
    u.apply(rect(17, 2).u8(1, G8).u8(0, R8, B8));
    assertEquals(G, u.fb.pixel(15, 1));
    assertEquals(R, u.fb.pixel(16, 0));
    assertEquals(B, u.fb.pixel(16, 1));
  }

  @Test
  void cpixelsOfRgb888AreThreeBytes() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB888_LE);
    u.apply(rect(2, 1).u8(0, 0x56, 0x34, 0x12, 0xEF, 0xCD, 0xAB));
    assertArrayEquals(new int[] {0x123456, 0xABCDEF}, u.fb.buffer());
    Updates be = new Updates(1, 1, PixelFormat.RGB888_BE);
    be.apply(rect(1, 1).u8(1, 0x12, 0x34, 0x56));
    assertEquals(0x123456, be.fb.pixel(0, 0));
  }

  @Test
  void sixteenBitPixelsBothByteOrders() throws IOException {
    Updates le = new Updates(1, 1, PixelFormat.RGB565_LE);
    le.apply(rect(1, 1).u8(1, 0xE0, 0x07));
    assertEquals(G, le.fb.pixel(0, 0));
    Updates be = new Updates(1, 1, PixelFormat.RGB565_BE);
    be.apply(rect(1, 1).u8(1, 0x07, 0xE0));
    assertEquals(G, be.fb.pixel(0, 0));
  }

  @Test
  void packedPaletteAndRle() throws IOException {
    Updates u = new Updates(4, 2, PixelFormat.BGR233);
    u.apply(rect(4, 2).u8(2, R8, B8, 0x60, 0x90));
    assertArrayEquals(new int[] {R, B, B, R, B, R, R, B}, u.fb.buffer());
    u.apply(rect(4, 2).u8(128, W8, 4, G8, 2));
    assertArrayEquals(new int[] {W, W, W, W, W, G, G, G}, u.fb.buffer());
    u.apply(rect(4, 2).u8(131, R8, G8, B8, 0x02, 0x80, 5, 0x01));
    assertArrayEquals(new int[] {B, R, R, R, R, R, R, G}, u.fb.buffer());
  }

  @Test
  void packedPaletteReuse127TakesThePreviousPalettesFieldWidth() throws IOException {
    // 32x1: tile 1 sends a 3-colour palette (2-bit fields), tile 2 reuses it
    Updates u = new Updates(32, 1, PixelFormat.BGR233);
    u.apply(rect(32, 1).u8(3, R8, G8, B8).u8(0x00, 0x00, 0x00, 0x00)
        .u8(127).u8(0x18, 0x00, 0x00, 0x00));
    // tile 2 starts 00 01 10 00: red, green, blue, red
    assertEquals(R, u.fb.pixel(15, 0));
    assertEquals(R, u.fb.pixel(16, 0));
    assertEquals(G, u.fb.pixel(17, 0));
    assertEquals(B, u.fb.pixel(18, 0));
    assertEquals(R, u.fb.pixel(19, 0));
  }

  @Test
  void paletteRleReuse129() throws IOException {
    Updates u = new Updates(32, 1, PixelFormat.BGR233);
    u.apply(rect(32, 1).u8(130, R8, W8, 0x80, 14, 0x01).u8(129, 0x01, 0x80, 14));
    assertEquals(R, u.fb.pixel(14, 0));
    assertEquals(W, u.fb.pixel(15, 0));
    assertEquals(W, u.fb.pixel(16, 0));
    assertEquals(R, u.fb.pixel(17, 0));
    assertEquals(R, u.fb.pixel(31, 0));
  }

  @Test
  void reuseWorksAcrossPackedAndRleTiles() throws IOException {
    Updates u = new Updates(48, 1, PixelFormat.BGR233);
    // tile 1 palette RLE with 2 colours, tile 2 packs with it (1 bit), tile 3 runs with it
    u.apply(rect(48, 1).u8(130, B8, G8, 0x80, 15).u8(127, 0xFF, 0xFF).u8(129, 0x80, 15));
    assertEquals(B, u.fb.pixel(0, 0));
    assertEquals(G, u.fb.pixel(16, 0));
    assertEquals(G, u.fb.pixel(31, 0));
    assertEquals(B, u.fb.pixel(47, 0));
  }

  @Test
  void reuseWithoutAnEarlierPaletteIsRefused() throws IOException {
    for (int sub : new int[] {127, 129}) {
      Updates u = new Updates(1, 1, PixelFormat.BGR233);
      assertRefused(u, rect(1, 1).u8(sub, 0x00), "no earlier tile");
    }
  }

  @Test
  void aSolidTileHasNoPaletteToReuse() throws IOException {
    Updates u = new Updates(17, 1, PixelFormat.BGR233);
    assertRefused(u, rect(17, 1).u8(1, R8).u8(129, 0x00), "no earlier tile");
  }

  @Test
  void reuseDoesNotReachIntoTheNextRectangle() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    u.apply(Updates.oneRect(0, 0, 1, 1, TRLE).u8(2, R8, B8, 0x00));
    assertRefused(u, Updates.oneRect(1, 0, 1, 1, TRLE).u8(127, 0x00), "no earlier tile");
  }

  @Test
  void packingWithAReusedPaletteOfMoreThanSixteenIsRefused() throws IOException {
    Updates u = new Updates(17, 1, PixelFormat.BGR233);
    TestBytes t = rect(17, 1).u8(128 + 17);
    for (int i = 0; i < 17; i++) {
      t.u8(i);
    }
    assertRefused(u, t.u8(0x80, 15).u8(127, 0x00), "reused palette of 17");
  }

  @Test
  void unusedSubencodingsAreRefused() throws IOException {
    for (int sub : new int[] {17, 126}) {
      Updates u = new Updates(1, 1, PixelFormat.BGR233);
      assertRefused(u, rect(1, 1).u8(sub), "subencoding " + sub);
    }
  }

  @Test
  void paletteOverflowAndRunOverflowAreRefused() throws IOException {
    assertRefused(new Updates(1, 1, PixelFormat.BGR233), rect(1, 1).u8(2, R8, G8, 0x00), null);
    assertRefused(new Updates(4, 1, PixelFormat.BGR233), rect(4, 1).u8(3, R8, G8, B8, 0xC0),
        "palette index 3");
    assertRefused(new Updates(4, 1, PixelFormat.BGR233), rect(4, 1).u8(130, R8, G8, 0x02),
        "palette index 2");
    assertRefused(new Updates(4, 1, PixelFormat.BGR233), rect(4, 1).u8(128, R8, 4), "overflows");
  }

  @Test
  void truncatedTileIsEndOfStream() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    assertThrows(EOFException.class, () -> u.apply(rect(2, 2).u8(0, 1, 2, 3, 4, 5, 6)));
  }

  /** Fails unless {@code bytes} is refused; with {@code words} null it must be accepted. */
  private static void assertRefused(Updates u, TestBytes bytes, String words) throws IOException {
    if (words == null) {
      u.apply(bytes);
      return;
    }
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
