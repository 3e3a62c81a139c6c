package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.decode.TightTests.lengthAnd;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

/** TightPNG: fill (0x80), JPEG (0x90) and PNG (0xA0); PNG payloads made with ImageIO. */
class TightPngDecoderTest {

  private static final int TIGHT_PNG = RfbNumbers.ENCODING_TIGHT_PNG;

  private static TestBytes pngRect(int w, int h, byte[] png) {
    return lengthAnd(Updates.oneRect(0, 0, w, h, TIGHT_PNG).u8(0xA0), png);
  }

  /** A 3x2 image of six distinct colours. */
  private static BufferedImage six() {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0x123456, 0xFFFFFF, 0x000000};
    for (int i = 0; i < 6; i++) {
      image.setRGB(i % 3, i / 3, colours[i]);
    }
    return image;
  }

  @Test
  void fillWithAThreeByteTpixel() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR888_LE);
    u.apply(Updates.oneRect(0, 0, 2, 1, TIGHT_PNG).u8(0x80, 0x12, 0x34, 0x56));
    assertArrayEquals(new int[] {0x123456, 0x123456}, u.fb.buffer());
  }

  @Test
  void pngIsLosslessAtThirtyTwoBits() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE);
    u.apply(pngRect(3, 2, Images.png(six())));
    assertArrayEquals(new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0x123456, 0xFFFFFF, 0}, u.fb.buffer());
  }

  @Test
  void pngAtSixteenBitsShowsThePixelFormatsLevels() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB565_BE);
    u.apply(pngRect(3, 2, Images.png(six())));
    // 0x123456: red 18 -> level 2 of 31 -> 16; green 52 -> 13 of 63 -> 53; blue 86 -> 10 -> 82
    assertEquals(0x103552, u.fb.pixel(0, 1));
    assertEquals(0xFF0000, u.fb.pixel(0, 0));
  }

  @Test
  void grayIndexedAndAlphaPngs() throws IOException {
    Updates gray = new Updates(2, 2, PixelFormat.RGB888_LE);
    gray.apply(pngRect(2, 2, Images.png(Images.gray(2, 2, 200))));
    assertArrayEquals(new int[] {0xC8C8C8, 0xC8C8C8, 0xC8C8C8, 0xC8C8C8}, gray.fb.buffer());

    byte[] r = {(byte) 0xFF, 0x12};
    byte[] g = {0, 0x34};
    byte[] b = {0, 0x56};
    BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(8, 2, r, g, b));
    indexed.getRaster().setSample(1, 0, 0, 1);
    Updates ix = new Updates(2, 1, PixelFormat.RGB888_LE);
    ix.apply(pngRect(2, 1, Images.png(indexed)));
    assertArrayEquals(new int[] {0xFF0000, 0x123456}, ix.fb.buffer());

    BufferedImage alpha = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    alpha.setRGB(0, 0, 0xFF123456);
    Updates a = new Updates(1, 1, PixelFormat.RGB888_LE);
    a.apply(pngRect(1, 1, Images.png(alpha)));
    assertEquals(0x123456, a.fb.pixel(0, 0));
  }

  @Test
  void jpegNeedsAQualityLevel() throws IOException {
    byte[] jpeg = Images.jpeg(Images.solid(8, 8, 0xFFFFFF, BufferedImage.TYPE_INT_RGB));
    TestBytes bytes = lengthAnd(Updates.oneRect(0, 0, 8, 8, TIGHT_PNG).u8(0x90), jpeg);
    Updates u = new Updates(8, 8, PixelFormat.RGB888_LE)
        .listed(TIGHT_PNG, RfbNumbers.ENCODING_QUALITY_LEVEL_0 + 9);
    u.apply(bytes);
    assertTrue((u.fb.pixel(1, 1) & 0xFF) >= 0xFD, Integer.toHexString(u.fb.pixel(1, 1)));
    Updates none = new Updates(8, 8, PixelFormat.RGB888_LE).listed(TIGHT_PNG);
    assertRefused(none, bytes, "quality");
  }

  @Test
  void basicCompressionDoesNotExistInTightPng() throws IOException {
    for (int control : new int[] {0x00, 0x40, 0x70}) {
      assertRefused(new Updates(1, 1, PixelFormat.BGR233),
          Updates.oneRect(0, 0, 1, 1, TIGHT_PNG).u8(control, 0), "no basic compression");
    }
    assertRefused(new Updates(1, 1, PixelFormat.BGR233),
        Updates.oneRect(0, 0, 1, 1, TIGHT_PNG).u8(0xB0, 0), "compression control");
  }

  @Test
  void pngOfAnotherSizeIsRefused() throws IOException {
    assertRefused(new Updates(3, 3, PixelFormat.RGB888_LE), pngRect(3, 3, Images.png(six())),
        "3x2 image");
  }

  @Test
  void pngInAColourMapIsRefused() throws IOException {
    assertRefused(new Updates(3, 2, PixelFormat.INDEXED_8), pngRect(3, 2, Images.png(six())),
        "colour-map");
  }

  @Test
  void brokenPngIsRefused() throws IOException {
    byte[] png = Images.png(six());
    byte[] broken = Arrays.copyOf(png, png.length);
    for (int i = 40; i < broken.length - 12; i++) {
      broken[i] ^= 0x5A;
    }
    assertRefused(new Updates(3, 2, PixelFormat.RGB888_LE), pngRect(3, 2, broken), "cannot be decoded");
  }

  @Test
  void pngLongerThanTheLimitFailsBeforeReadingIt() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE, Limits.DEFAULT.withMaxImageLength(16));
    assertRefused(u, Updates.oneRect(0, 0, 3, 2, TIGHT_PNG).u8(0xA0, 17), "exceeds the limit of 16");
    assertEquals(16 + 2, u.consumed());
  }

  @Test
  void widerThan2048IsRefused() throws IOException {
    assertRefused(new Updates(2049, 1, PixelFormat.BGR233),
        Updates.oneRect(0, 0, 2049, 1, TIGHT_PNG).u8(0x80, 7), "wider than 2048");
  }

  private static void assertRefused(Updates u, TestBytes bytes, String words) {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
