package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class XwdImageTest {

  /**
   * The 100-byte header plus a 4-byte window name "ab\0\0", big-endian as xwd writes it, for a
   * TrueColor ZPixmap.
   */
  private static ByteBuffer header(int width, int height, int byteOrder, int bpp, int bytesPerLine,
      int red, int green, int blue, int colours, int pixelBytes) {
    ByteBuffer out = ByteBuffer.allocate(104 + 12 * colours + pixelBytes);
    int[] fields = {
      104, 7, 2, 24, width, height, 0, byteOrder, 32, byteOrder, 32, bpp, bytesPerLine, 4,
      red, green, blue, 8, 256, colours, width, height, 0, 0, 0
    };
    for (int field : fields) {
      out.putInt(field);
    }
    out.put(new byte[] {'a', 'b', 0, 0});
    out.put(new byte[12 * colours]); // colour map entries: ignored for TrueColor
    return out;
  }

  @Test
  void decodes32BitLeastSignificantByteFirst() throws IOException {
    // 2x2, 12 bytes per line (4 bytes of padding), pixels B G R X in memory.
    ByteBuffer dump = header(2, 2, 0, 32, 12, 0xFF0000, 0x00FF00, 0x0000FF, 2, 24);
    dump.put(new byte[] {
      0x30, 0x20, 0x10, 0, (byte) 0xFF, 0, 0, 0, 9, 9, 9, 9,
      0, (byte) 0xFF, 0, 0, 0, 0, (byte) 0xFF, 0, 9, 9, 9, 9});

    BufferedImage image = XwdImage.decode(dump.array());

    assertEquals(2, image.getWidth());
    assertEquals(2, image.getHeight());
    assertEquals(0x102030, image.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0x0000FF, image.getRGB(1, 0) & 0xFFFFFF);
    assertEquals(0x00FF00, image.getRGB(0, 1) & 0xFFFFFF);
    assertEquals(0xFF0000, image.getRGB(1, 1) & 0xFFFFFF);
  }

  @Test
  void decodes16BitRgb565MostSignificantByteFirst() throws IOException {
    ByteBuffer dump = header(2, 1, 1, 16, 4, 0xF800, 0x07E0, 0x001F, 0, 4);
    dump.put(new byte[] {(byte) 0xF8, 0x00, 0x07, (byte) 0xFF}); // pure red; green + blue

    BufferedImage image = XwdImage.decode(dump.array());

    assertEquals(0xFF0000, image.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0x00FFFF, image.getRGB(1, 0) & 0xFFFFFF);
  }

  @Test
  void refusesCutShortData() {
    ByteBuffer dump = header(2, 2, 0, 32, 8, 0xFF0000, 0x00FF00, 0x0000FF, 0, 16);
    byte[] cut = Arrays.copyOf(dump.array(), dump.capacity() - 1);

    assertThrows(IOException.class, () -> XwdImage.decode(cut));
  }

  @Test
  void refusesOtherVersionsAndNonsense() {
    ByteBuffer wrongVersion = header(1, 1, 0, 32, 4, 0xFF0000, 0x00FF00, 0x0000FF, 0, 4);
    wrongVersion.putInt(4, 6);
    ByteBuffer hugeWidth = header(1, 1, 0, 32, 4, 0xFF0000, 0x00FF00, 0x0000FF, 0, 4);
    hugeWidth.putInt(16, 1 << 30);

    assertThrows(IOException.class, () -> XwdImage.decode(wrongVersion.array()));
    assertThrows(IOException.class, () -> XwdImage.decode(hugeWidth.array()));
    assertThrows(IOException.class, () -> XwdImage.decode(new byte[10]));
  }
}
