package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.decode.TightTests.lengthAnd;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

/** Tight's JpegCompression (control 0x90): payloads made with ImageIO. */
class TightDecoderJpegTest {

  private static final int TIGHT = RfbNumbers.ENCODING_TIGHT;
  private static final int QUALITY_8 = RfbNumbers.ENCODING_QUALITY_LEVEL_0 + 8;

  private static TestBytes jpegRect(int w, int h, byte[] jpeg) {
    return lengthAnd(Updates.oneRect(0, 0, w, h, TIGHT).u8(0x90), jpeg);
  }

  private static void assertClose(int expected, int actual, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = (expected >>> shift) & 0xFF;
      int a = (actual >>> shift) & 0xFF;
      assertTrue(Math.abs(e - a) <= tolerance, String.format("expected %06X, got %06X", expected, actual));
    }
  }

  @Test
  void colourJpegAt32Bits() throws IOException {
    Updates u = new Updates(16, 8, PixelFormat.RGB888_LE).listed(TIGHT, QUALITY_8);
    byte[] jpeg = Images.jpeg(Images.solid(16, 8, 0x4080C0, BufferedImage.TYPE_INT_RGB));
    u.apply(jpegRect(16, 8, jpeg));
    for (int p : u.fb.buffer()) {
      assertClose(0x4080C0, p, 3);
    }
  }

  @Test
  void grayJpegGivesEqualChannels() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_BE).listed(TIGHT, QUALITY_8);
    byte[] jpeg = Images.jpeg(Images.gray(8, 8, 100));
    u.apply(jpegRect(8, 8, jpeg));
    int p = u.fb.pixel(3, 3);
    assertEquals(p & 0xFF, (p >> 8) & 0xFF);
    assertEquals(p & 0xFF, (p >> 16) & 0xFF);
    assertClose(0x646464, p, 2);
  }

  @Test
  void jpegColoursAreWhatASixteenBitViewerShows() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB565_LE).listed(TIGHT, QUALITY_8);
    // 0x4080C0: every channel lands near a 565 level; the framebuffer holds the level's colour
    byte[] jpeg = Images.jpeg(Images.solid(8, 8, 0x4080C0, BufferedImage.TYPE_INT_RGB));
    u.apply(jpegRect(8, 8, jpeg));
    int p = u.fb.pixel(4, 4);
    int r = (p >>> 16) & 0xFF;
    int g = (p >>> 8) & 0xFF;
    int b = p & 0xFF;
    assertEquals(r, Math.round(Math.round(r * 31 / 255.0) * 255 / 31.0), "red is a 5-bit level");
    assertEquals(g, Math.round(Math.round(g * 63 / 255.0) * 255 / 63.0), "green is a 6-bit level");
    assertEquals(b, Math.round(Math.round(b * 31 / 255.0) * 255 / 31.0), "blue is a 5-bit level");
    assertClose(0x4080C0, p, 8);
  }

  @Test
  void fineQualityAlsoAllowsJpeg() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE)
        .listed(TIGHT, RfbNumbers.ENCODING_FINE_QUALITY_LEVEL_0 + 80);
    u.apply(jpegRect(8, 8, Images.jpeg(Images.solid(8, 8, 0xFFFFFF, BufferedImage.TYPE_INT_RGB))));
    assertClose(0xFFFFFF, u.fb.pixel(0, 0), 2);
  }

  @Test
  void jpegWithoutAQualityLevelListedIsRefused() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE).listed(TIGHT);
    byte[] jpeg = Images.jpeg(Images.solid(8, 8, 0, BufferedImage.TYPE_INT_RGB));
    assertRefused(u, jpegRect(8, 8, jpeg), "quality");
  }

  @Test
  void jpegAtEightBitsIsRefused() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.BGR233);
    byte[] jpeg = Images.jpeg(Images.solid(8, 8, 0, BufferedImage.TYPE_INT_RGB));
    assertRefused(u, jpegRect(8, 8, jpeg), "16 or 32 bpp");
  }

  @Test
  void jpegOfAnotherSizeIsRefused() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE);
    byte[] jpeg = Images.jpeg(Images.solid(8, 7, 0, BufferedImage.TYPE_INT_RGB));
    assertRefused(u, jpegRect(8, 8, jpeg), "8x7 image");
  }

  @Test
  void brokenJpegIsRefused() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE);
    byte[] jpeg = Images.jpeg(Images.solid(8, 8, 0x808080, BufferedImage.TYPE_INT_RGB));
    byte[] cut = Arrays.copyOf(jpeg, 40);
    assertRefused(u, jpegRect(8, 8, cut), "cannot be decoded");
    assertRefused(new Updates(8, 8, PixelFormat.RGB888_LE),
        jpegRect(8, 8, new byte[] {1, 2, 3, 4, 5}), "cannot be decoded");
  }

  @Test
  void jpegLongerThanTheLimitFailsBeforeReadingIt() throws IOException {
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE, Limits.DEFAULT.withMaxImageLength(100));
    // the length says 101 and nothing follows: a reader that read on would hit EOF
    assertRefused(u, Updates.oneRect(0, 0, 8, 8, TIGHT).u8(0x90, 101), "exceeds the limit of 100");
    assertEquals(16 + 2, u.consumed());
  }

  private static void assertRefused(Updates u, TestBytes bytes, String words) {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
