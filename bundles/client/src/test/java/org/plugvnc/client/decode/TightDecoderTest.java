package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.decode.TightTests.lengthAnd;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

/** Tight but JPEG ({@link TightDecoderJpegTest}): literal bytes, zlib data deflated per stream. */
class TightDecoderTest {

  private static final int TIGHT = RfbNumbers.ENCODING_TIGHT;
  private static final int R = 0xFF0000;
  private static final int G = 0x00FF00;
  private static final int B = 0x0000FF;

  private static TestBytes rect(int x, int y, int w, int h) {
    return Updates.oneRect(x, y, w, h, TIGHT);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void fillWithAThreeByteTpixelIsRedGreenBlueWhateverTheShifts() throws IOException {
    for (PixelFormat f : new PixelFormat[] {PixelFormat.RGB888_LE, PixelFormat.RGB888_BE,
        PixelFormat.BGR888_LE}) {
      Updates u = new Updates(2, 2, f);
      u.apply(rect(0, 0, 2, 2).u8(0x80, 0x12, 0x34, 0x56));
      assertArrayEquals(new int[] {0x123456, 0x123456, 0x123456, 0x123456}, u.fb.buffer(),
          f.toString());
    }
  }

  @Test
  void fillInOtherFormatsIsAPixel() throws IOException {
    Updates be = new Updates(1, 1, PixelFormat.RGB565_BE);
    be.apply(rect(0, 0, 1, 1).u8(0x80, 0xF8, 0x00));
    assertEquals(R, be.fb.pixel(0, 0));
    Updates le = new Updates(1, 1, PixelFormat.RGB565_LE);
    le.apply(rect(0, 0, 1, 1).u8(0x80, 0x00, 0xF8));
    assertEquals(R, le.fb.pixel(0, 0));
    Updates eight = new Updates(1, 1, PixelFormat.BGR233);
    eight.apply(rect(0, 0, 1, 1).u8(0x80, 0xC0));
    assertEquals(B, eight.fb.pixel(0, 0));
    // depth 32 is not the 3-byte form: four bytes, little endian
    PixelFormat deep = new PixelFormat(32, 32, false, true, 255, 255, 255, 16, 8, 0);
    Updates d = new Updates(1, 1, deep);
    d.apply(rect(0, 0, 1, 1).u8(0x80, 0x56, 0x34, 0x12, 0x00));
    assertEquals(0x123456, d.fb.pixel(0, 0));
  }

  @Test
  void copyFilterUnderTwelveBytesIsSentAsItIs() throws IOException {
    Updates u = new Updates(3, 1, PixelFormat.RGB888_LE);
    u.apply(rect(0, 0, 3, 1).u8(0x00).u8(0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF));
    assertArrayEquals(new int[] {R, G, B}, u.fb.buffer());
  }

  @Test
  void copyFilterOfTwelveBytesIsCompressed() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    byte[] z = u.server("Tight 0").sync(bytes(0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF, 1, 2, 3));
    u.apply(lengthAnd(rect(0, 0, 2, 2).u8(0x00), z));
    assertArrayEquals(new int[] {R, G, B, 0x010203}, u.fb.buffer());
  }

  @Test
  void explicitCopyFilterAndSixteenBitPixels() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB565_BE);
    u.apply(rect(0, 0, 2, 1).u8(0x40, 0).u8(0x07, 0xE0, 0x00, 0x1F));
    assertArrayEquals(new int[] {G, B}, u.fb.buffer());
  }

  @Test
  void streamBitsChooseOneOfFourStreamsThatEachContinue() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.BGR233);
    byte[] red = new byte[16];
    Arrays.fill(red, (byte) 0x07);
    byte[] blue = new byte[16];
    Arrays.fill(blue, (byte) 0xC0);
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x10), u.server("Tight 1").sync(red)));
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x30), u.server("Tight 3").sync(blue)));
    assertEquals(B, u.fb.pixel(3, 3));
    // stream 1 goes on where it stopped; its first rectangle is in its window
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x10), u.server("Tight 1").sync(red)));
    assertEquals(R, u.fb.pixel(3, 3));
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x30), u.server("Tight 3").sync(blue)));
    assertEquals(B, u.fb.pixel(0, 0));
  }

  @Test
  void resetBitsStartFreshStreamsEvenOnAFill() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.BGR233);
    byte[] red = new byte[16];
    Arrays.fill(red, (byte) 0x07);
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x20), u.server("Tight 2").sync(red)));
    // the server restarts stream 2 and says so with bit 2 of a fill's control byte
    u.server("Tight 2").reset();
    u.apply(rect(0, 0, 1, 1).u8(0x84, 0x38));
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x20), u.server("Tight 2").sync(red)));
    assertEquals(R, u.fb.pixel(0, 0));
    // and with bit 2 on the basic rectangle itself
    u.server("Tight 2").reset();
    u.apply(lengthAnd(rect(0, 0, 4, 4).u8(0x24), u.server("Tight 2").sync(red)));
    assertEquals(R, u.fb.pixel(3, 3));
  }

  @Test
  void twoColourPaletteUsesOneBitPerPixelWithRowPadding() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE);
    // palette red, blue; rows 010_____ and 101_____
    u.apply(rect(0, 0, 3, 2).u8(0x40, 1, 1).u8(0xFF, 0, 0, 0, 0, 0xFF).u8(0x40, 0xA0));
    assertArrayEquals(new int[] {R, B, R, B, R, B}, u.fb.buffer());
  }

  @Test
  void twoColourPaletteCompressedWhenTwelveBytesOrMore() throws IOException {
    Updates u = new Updates(96, 1, PixelFormat.RGB565_LE);
    byte[] bits = new byte[12];
    bits[11] = 0x01;
    byte[] z = u.server("Tight 1").sync(bits);
    u.apply(lengthAnd(rect(0, 0, 96, 1).u8(0x50, 1, 1).u8(0x00, 0xF8, 0xE0, 0x07), z));
    assertEquals(R, u.fb.pixel(0, 0));
    assertEquals(R, u.fb.pixel(94, 0));
    assertEquals(G, u.fb.pixel(95, 0));
  }

  @Test
  void paletteOfMoreColoursUsesOneBytePerPixel() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_BE);
    u.apply(rect(0, 0, 2, 2).u8(0x40, 1, 2).u8(0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF)
        .u8(2, 1, 0, 2));
    assertArrayEquals(new int[] {B, G, R, B}, u.fb.buffer());
  }

  @Test
  void paletteInAColourMapFormatHoldsIndices() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.INDEXED_8);
    u.fb.colourMap().set(9, 0x123456);
    u.fb.colourMap().set(4, 0xABCDEF);
    u.apply(rect(0, 0, 2, 1).u8(0x40, 1, 1, 9, 4).u8(0x40));
    assertArrayEquals(new int[] {0x123456, 0xABCDEF}, u.fb.buffer());
  }

  @Test
  void gradientFilterOnThreeByteTpixelsWithClamping() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    // V: (200,0,100) (250,10,0) / (250,5,0) (30,40,50); D = V - clamp(left + up - upleft)
    byte[] d = bytes(200, 0, 100, 50, 10, 156, 50, 5, 156, 31, 25, 50);
    u.apply(lengthAnd(rect(0, 0, 2, 2).u8(0x40, 2), u.server("Tight 0").sync(d)));
    assertArrayEquals(new int[] {0xC80064, 0xFA0A00, 0xFA0500, 0x1E2832}, u.fb.buffer());
  }

  @Test
  void gradientFilterOnSixteenBitFieldsInBothByteOrders() throws IOException {
    Updates le = new Updates(2, 1, PixelFormat.RGB565_LE);
    // V0 = red (31,0,0) is sent as itself; V1 = (0,63,31): D = (0 - 31 mod 32, 63, 31) = 0x0FFF
    le.apply(rect(0, 0, 2, 1).u8(0x40, 2).u8(0x00, 0xF8, 0xFF, 0x0F));
    assertArrayEquals(new int[] {R, 0x00FFFF}, le.fb.buffer());
    Updates be = new Updates(2, 1, PixelFormat.RGB565_BE);
    be.apply(rect(0, 0, 2, 1).u8(0x40, 2).u8(0xF8, 0x00, 0x0F, 0xFF));
    assertArrayEquals(new int[] {R, 0x00FFFF}, be.fb.buffer());
  }

  @Test
  void gradientFilterOnFourBytePixelsPredictsFromAbove() throws IOException {
    PixelFormat deep = new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0);
    Updates u = new Updates(1, 2, deep);
    // V0 = (1023,0,0); V1 = (0,1023,512) below it: P = V0, D = (1, 1023, 512)
    int d0 = 1023 << 20;
    int d1 = 1 << 20 | 1023 << 10 | 512;
    u.apply(rect(0, 0, 1, 2).u8(0x40, 2)
        .u8(d0 & 0xFF, (d0 >> 8) & 0xFF, (d0 >> 16) & 0xFF, d0 >>> 24)
        .u8(d1 & 0xFF, (d1 >> 8) & 0xFF, (d1 >> 16) & 0xFF, d1 >>> 24));
    assertArrayEquals(new int[] {R, 0x00FF80}, u.fb.buffer());
  }

  @Test
  void gradientAtEightBitsIsRefused() throws IOException {
    assertRefused(new Updates(1, 1, PixelFormat.BGR233), rect(0, 0, 1, 1).u8(0x40, 2, 0),
        "gradient");
  }

  @Test
  void withoutZlibAfterTheClientListedIt() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE)
        .listed(TIGHT, RfbNumbers.ENCODING_TIGHT_WITHOUT_ZLIB);
    // 0xA0: basic, copy filter, no zlib, no length even at 12 bytes
    u.apply(rect(0, 0, 2, 2).u8(0xA0).u8(0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF, 1, 2, 3));
    assertArrayEquals(new int[] {R, G, B, 0x010203}, u.fb.buffer());
    // 0xE0: a filter id follows; a mono palette of 96x1 is 12 bytes, sent as they are
    Updates m = new Updates(96, 1, PixelFormat.BGR233)
        .listed(TIGHT, RfbNumbers.ENCODING_TIGHT_WITHOUT_ZLIB);
    byte[] bits = new byte[12];
    bits[0] = (byte) 0x80;
    m.apply(rect(0, 0, 96, 1).u8(0xE0, 1, 1, 0x07, 0xC0).raw(bits));
    assertEquals(B, m.fb.pixel(0, 0));
    assertEquals(R, m.fb.pixel(1, 0));
  }

  @Test
  void withoutZlibIsRefusedUnlessTheClientListedIt() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233).listed(TIGHT);
    assertRefused(u, rect(0, 0, 1, 1).u8(0xA0, 0x07), "-317");
  }

  @Test
  void withoutZlibIsAcceptedWhileNoSetEncodingsIsKnown() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    u.apply(rect(0, 0, 1, 1).u8(0xA0, 0x38));
    assertEquals(G, u.fb.pixel(0, 0));
  }

  @Test
  void badCompressionControlsAreRefused() throws IOException {
    for (int control : new int[] {0xB0, 0xC0, 0xD0, 0xF0}) {
      assertRefused(new Updates(1, 1, PixelFormat.BGR233), rect(0, 0, 1, 1).u8(control, 0, 0),
          "compression control");
    }
  }

  @Test
  void unknownFilterIsRefused() throws IOException {
    assertRefused(new Updates(1, 1, PixelFormat.BGR233), rect(0, 0, 1, 1).u8(0x40, 3, 0),
        "filter id 3");
  }

  @Test
  void paletteOfOneColourIsRefused() throws IOException {
    assertRefused(new Updates(1, 1, PixelFormat.BGR233), rect(0, 0, 1, 1).u8(0x40, 1, 0, 7, 0),
        "1 colour");
  }

  @Test
  void paletteIndexPastThePaletteIsRefused() throws IOException {
    assertRefused(new Updates(2, 1, PixelFormat.BGR233),
        rect(0, 0, 2, 1).u8(0x40, 1, 2, 7, 0x38, 0xC0).u8(1, 3), "palette index 3");
  }

  @Test
  void widerThan2048IsRefused() throws IOException {
    assertRefused(new Updates(2049, 1, PixelFormat.BGR233), rect(0, 0, 2049, 1).u8(0x80, 7),
        "wider than 2048");
  }

  @Test
  void inflatingToTheWrongSizeIsRefused() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.BGR233);
    byte[] z = u.server("Tight 0").sync(new byte[15]);
    assertRefused(u, lengthAnd(rect(0, 0, 4, 4).u8(0x00), z), "inflated to 15");
  }

  @Test
  void compactLengthOfTwoBytes() throws IOException {
    Updates u = new Updates(64, 2, PixelFormat.RGB888_LE);
    byte[] raw = new byte[64 * 2 * 3];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 151 + 7);
    }
    byte[] z = u.server("Tight 0").sync(raw);
    assertTrue(z.length >= 128, "needs a two-byte length: " + z.length);
    u.apply(lengthAnd(rect(0, 0, 64, 2).u8(0x00), z));
    assertEquals((raw[3] & 0xFF) << 16 | (raw[4] & 0xFF) << 8 | raw[5] & 0xFF, u.fb.pixel(1, 0));
  }

  @Test
  void compactLengthBeyondTheInflatedBoundIsRefusedBeforeReading() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.BGR233);
    // 16 bytes of data allow at most 2 * 16 + 1024 compressed bytes; FF FF FF says 4194303
    assertRefused(u, rect(0, 0, 4, 4).u8(0x00, 0xFF, 0xFF, 0xFF), "compressed length 4194303");
    assertEquals(16 + 4, u.consumed());
  }

  private static void assertRefused(Updates u, TestBytes bytes, String words) {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
