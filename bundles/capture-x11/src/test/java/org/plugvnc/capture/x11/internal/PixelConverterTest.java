package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

/** Pixel layouts an X server sends, turned into 0x00RRGGBB, from literal bytes. */
class PixelConverterTest {

  private static int[] convert(PixelConverter c, byte[] bytes, int count) {
    Memory m = new Memory(bytes.length);
    m.write(0, bytes, 0, bytes.length);
    int[] out = new int[count];
    c.convertRow(m, 0, count, out, 0);
    return out;
  }

  @Test
  void depth24InBothByteOrders() {
    byte[] lsb = {0x56, 0x34, 0x12, (byte) 0xFF, 0x03, 0x02, 0x01, 0x00};
    assertArrayEquals(new int[] {0x123456, 0x010203},
        convert(new PixelConverter(32, PixelConverter.LSB_FIRST, 0xFF0000, 0xFF00, 0xFF, null), lsb, 2));
    byte[] msb = {(byte) 0xFF, 0x12, 0x34, 0x56};
    assertArrayEquals(new int[] {0x123456},
        convert(new PixelConverter(32, PixelConverter.MSB_FIRST, 0xFF0000, 0xFF00, 0xFF, null), msb, 1));
  }

  @Test
  void bgrMasksAreHonoured() {
    byte[] lsb = {0x12, 0x34, 0x56, 0x00}; // pixel 0x00563412 with red in the low byte
    assertArrayEquals(new int[] {0x123456},
        convert(new PixelConverter(32, PixelConverter.LSB_FIRST, 0xFF, 0xFF00, 0xFF0000, null), lsb, 1));
  }

  @Test
  void depth16ScalesFiveAndSixBitChannels() {
    PixelConverter c = new PixelConverter(16, PixelConverter.LSB_FIRST, 0xF800, 0x07E0, 0x001F, null);
    // 0xF800 red max, 0x07E0 green max, 0x0010 blue 16 of 31, 0x8410 all at half
    byte[] row = {0x00, (byte) 0xF8, (byte) 0xE0, 0x07, 0x10, 0x00, 0x10, (byte) 0x84};
    assertArrayEquals(new int[] {0xFF0000, 0x00FF00, 0x000084, 0x848284}, convert(c, row, 4));
  }

  @Test
  void eightBitsThroughAPalette() {
    int[] palette = new int[256];
    palette[0] = 0x000000;
    palette[7] = 0xABCDEF;
    palette[255] = 0xFFFFFF;
    PixelConverter c = new PixelConverter(8, PixelConverter.LSB_FIRST, 0, 0, 0, palette);
    assertArrayEquals(new int[] {0xABCDEF, 0xFFFFFF, 0}, convert(c, new byte[] {7, -1, 0}, 3));
  }

  @Test
  void packed24Bits() {
    PixelConverter c = new PixelConverter(24, PixelConverter.LSB_FIRST, 0xFF0000, 0xFF00, 0xFF, null);
    assertArrayEquals(new int[] {0x123456, 0xA0B0C0},
        convert(c, new byte[] {0x56, 0x34, 0x12, (byte) 0xC0, (byte) 0xB0, (byte) 0xA0}, 2));
  }

  @Test
  void otherPixelSizesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PixelConverter(4, 0, 1, 2, 4, null));
    assertThrows(IllegalArgumentException.class, () -> new PixelConverter(16, 0, 0, 0, 0, new int[256]));
  }

  @Test
  void cursorAlphaIsUnpremultiplied() {
    assertEquals(0, CursorImages.unpremultiply(0x00123456));
    assertEquals(0xFF102030, CursorImages.unpremultiply(0xFF102030));
    assertEquals(0x80FF0000, CursorImages.unpremultiply(0x80800000));
  }
}
