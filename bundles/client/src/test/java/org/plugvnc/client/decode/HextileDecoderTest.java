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

class HextileDecoderTest {

  private static final int HEXTILE = RfbNumbers.ENCODING_HEXTILE;
  private static final int RAW = 1;
  private static final int BG = 2;
  private static final int FG = 4;
  private static final int ANY = 8;
  private static final int COLOURED = 16;
  private static final int R = 0xFF0000;
  private static final int G = 0x00FF00;
  private static final int B = 0x0000FF;
  private static final int W = 0xFFFFFF;

  /** 8 bpp BGR233 keeps the literal tiles short: red 0x07, green 0x38, blue 0xC0, white 0xFF. */
  private static Updates bgr233(int w, int h) throws IOException {
    return new Updates(w, h, PixelFormat.BGR233);
  }

  @Test
  void rawTile() throws IOException {
    Updates u = bgr233(2, 2);
    u.apply(Updates.oneRect(0, 0, 2, 2, HEXTILE).u8(RAW).u8(0x07, 0x38, 0xC0, 0xFF));
    assertArrayEquals(new int[] {R, G, B, W}, u.fb.buffer());
  }

  @Test
  void rawBitMakesTheOtherBitsIrrelevant() throws IOException {
    Updates u = bgr233(1, 1);
    u.apply(Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(RAW | BG | FG | ANY).u8(0x38));
    assertArrayEquals(new int[] {G}, u.fb.buffer());
  }

  @Test
  void solidBackgroundCarriedOverToTheNextTiles() throws IOException {
    // 33x1: three tiles (16, 16, 1 wide); only the first names its background
    Updates u = bgr233(33, 1);
    u.apply(Updates.oneRect(0, 0, 33, 1, HEXTILE).u8(BG, 0xC0).u8(0).u8(0));
    int[] expected = new int[33];
    Arrays.fill(expected, B);
    assertArrayEquals(expected, u.fb.buffer());
  }

  @Test
  void tilesRunLeftToRightThenTopToBottomWithSmallerLastRowAndColumn() throws IOException {
    // 17x17: tiles 16x16, 1x16, 16x1, 1x1 in that order
    Updates u = bgr233(17, 17);
    u.apply(Updates.oneRect(0, 0, 17, 17, HEXTILE).u8(BG, 0x07).u8(BG, 0x38).u8(BG, 0xC0)
        .u8(BG, 0xFF));
    assertEquals(R, u.fb.pixel(15, 15));
    assertEquals(G, u.fb.pixel(16, 0));
    assertEquals(G, u.fb.pixel(16, 15));
    assertEquals(B, u.fb.pixel(0, 16));
    assertEquals(B, u.fb.pixel(15, 16));
    assertEquals(W, u.fb.pixel(16, 16));
  }

  @Test
  void foregroundSubrectanglesWithNibblePacking() throws IOException {
    Updates u = bgr233(4, 3);
    // bg white, fg red, two subrects: x=1,y=0 w=2,h=1 -> 0x10 0x10; x=3,y=1 w=1,h=2 -> 0x31 0x01
    u.apply(Updates.oneRect(0, 0, 4, 3, HEXTILE).u8(BG | FG | ANY, 0xFF, 0x07, 2)
        .u8(0x10, 0x10).u8(0x31, 0x01));
    assertArrayEquals(new int[] {W, R, R, W, W, W, W, R, W, W, W, R}, u.fb.buffer());
  }

  @Test
  void colouredSubrectangles() throws IOException {
    Updates u = bgr233(2, 2);
    u.apply(Updates.oneRect(0, 0, 2, 2, HEXTILE).u8(BG | ANY | COLOURED, 0xFF, 2)
        .u8(0x07, 0x00, 0x00).u8(0xC0, 0x11, 0x00));
    assertArrayEquals(new int[] {R, W, W, B}, u.fb.buffer());
  }

  @Test
  void foregroundCarriesOverEvenThroughATileWithoutSubrectangles() throws IOException {
    Updates u = bgr233(48, 1);
    // tile 1: bg white, fg green, one subrect; tile 2: bg only (AnySubrects clear);
    // tile 3: subrects in the carried green
    u.apply(Updates.oneRect(0, 0, 48, 1, HEXTILE)
        .u8(BG | FG | ANY, 0xFF, 0x38, 1, 0x00, 0x00)
        .u8(0)
        .u8(ANY, 1, 0xF0, 0x00));
    assertEquals(G, u.fb.pixel(0, 0));
    assertEquals(W, u.fb.pixel(1, 0));
    assertEquals(W, u.fb.pixel(16, 0));
    assertEquals(W, u.fb.pixel(32, 0));
    assertEquals(G, u.fb.pixel(47, 0));
  }

  @Test
  void sixteenBitPixelsInBothByteOrders() throws IOException {
    for (PixelFormat f : new PixelFormat[] {PixelFormat.RGB565_LE, PixelFormat.RGB565_BE}) {
      Updates u = new Updates(2, 1, f);
      boolean be = f.bigEndian();
      TestBytes t = Updates.oneRect(0, 0, 2, 1, HEXTILE).u8(BG | FG | ANY)
          .u8(be ? 0xF8 : 0x00, be ? 0x00 : 0xF8)   // red background
          .u8(be ? 0x00 : 0x1F, be ? 0x1F : 0x00)   // blue foreground
          .u8(1, 0x10, 0x00);
      u.apply(t);
      assertArrayEquals(new int[] {R, B}, u.fb.buffer(), f.toString());
    }
  }

  @Test
  void thirtyTwoBitRawTile() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB888_BE);
    u.apply(Updates.oneRect(0, 0, 2, 1, HEXTILE).u8(RAW).u8(0, 0x12, 0x34, 0x56, 0, 0xAB, 0xCD, 0xEF));
    assertArrayEquals(new int[] {0x123456, 0xABCDEF}, u.fb.buffer());
  }

  @Test
  void firstNonRawTileWithoutBackgroundIsRefused() throws IOException {
    Updates u = bgr233(1, 1);
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(0), "background");
  }

  @Test
  void backgroundDoesNotCarryOverFromARawTile() throws IOException {
    Updates u = bgr233(33, 1);
    TestBytes t = Updates.oneRect(0, 0, 33, 1, HEXTILE).u8(BG, 0x07).u8(RAW);
    for (int i = 0; i < 16; i++) {
      t.u8(0x38);
    }
    assertRefused(u, t.u8(0), "background");
  }

  @Test
  void backgroundDoesNotCarryOverBetweenRectangles() throws IOException {
    Updates u = bgr233(2, 1);
    u.apply(Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(BG, 0x07));
    assertRefused(u, Updates.oneRect(1, 0, 1, 1, HEXTILE).u8(0), "background");
  }

  @Test
  void foregroundDoesNotCarryOverFromARawTile() throws IOException {
    Updates u = bgr233(33, 1);
    TestBytes t = Updates.oneRect(0, 0, 33, 1, HEXTILE).u8(BG | FG, 0x07, 0x38).u8(RAW);
    for (int i = 0; i < 16; i++) {
      t.u8(0x07);
    }
    assertRefused(u, t.u8(BG | ANY, 0xFF, 1, 0x00, 0x00), "foreground");
  }

  @Test
  void foregroundDoesNotCarryOverFromAColouredTile() throws IOException {
    Updates u = bgr233(33, 1);
    assertRefused(u, Updates.oneRect(0, 0, 33, 1, HEXTILE)
        .u8(BG | FG | ANY, 0xFF, 0x38, 1, 0x00, 0x00)
        .u8(ANY | COLOURED, 1, 0x07, 0x00, 0x00)
        .u8(ANY, 1, 0x00, 0x00), "foreground");
  }

  @Test
  void foregroundNeverSetIsRefusedWhenASubrectangleNeedsIt() throws IOException {
    Updates u = bgr233(1, 1);
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(BG | ANY, 0xFF, 1, 0x00, 0x00),
        "foreground");
  }

  @Test
  void unsetForegroundIsFineWithZeroSubrectangles() throws IOException {
    Updates u = bgr233(1, 1);
    u.apply(Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(BG | ANY, 0xC0, 0));
    assertEquals(B, u.fb.pixel(0, 0));
  }

  @Test
  void foregroundAndColouredTogetherAreRefused() throws IOException {
    Updates u = bgr233(1, 1);
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(BG | FG | ANY | COLOURED, 0xFF, 0x07),
        "SubrectsColoured");
  }

  @Test
  void zlibHexBitsAreABadSubencoding() throws IOException {
    Updates u = bgr233(1, 1);
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, HEXTILE).u8(32 | RAW, 0x07), "subencoding");
  }

  @Test
  void subrectangleOutsideItsTileIsRefused() throws IOException {
    Updates u = bgr233(20, 20);
    // the second tile is 4x16: x=3 w=2 runs out of it
    assertRefused(u, Updates.oneRect(0, 0, 20, 16, HEXTILE).u8(BG, 0xFF)
        .u8(ANY | COLOURED, 1, 0x07, 0x30, 0x10), "outside");
  }

  private static void assertRefused(Updates u, TestBytes bytes, String word) {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(word), e.getMessage());
  }
}
