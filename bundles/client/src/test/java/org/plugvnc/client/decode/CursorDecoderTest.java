package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.CursorShape;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;

class CursorDecoderTest {

  @Test
  void pixelsInClientFormatThenBitmask() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.RGB565_BE);
    // 2x2 cursor, hot spot (1,0): red, green / blue, white; mask rows 10______ and 01______
    u.apply(Updates.oneRect(1, 0, 2, 2, -239)
        .u8(0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F, 0xFF, 0xFF)
        .u8(0x80, 0x40));
    CursorShape c = u.fb.cursor();
    assertEquals(1, c.hotspotX());
    assertEquals(0, c.hotspotY());
    assertArrayEquals(new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF}, c.rgb());
    assertTrue(c.opaque(0, 0));
    assertFalse(c.opaque(1, 0));
    assertFalse(c.opaque(0, 1));
    assertTrue(c.opaque(1, 1));
    assertEquals(0xFFFF0000, c.argb(0, 0));
    assertEquals(0, c.argb(1, 0));
    assertArrayEquals(new int[16], u.fb.buffer(), "the cursor must not touch framebuffer pixels");
  }

  @Test
  void bitmaskRowsArePaddedToWholeBytes() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    // 9x1: 9 pixel bytes, then 2 mask bytes; only the 9th pixel opaque
    u.apply(Updates.oneRect(0, 0, 9, 1, -239).u8(0, 0, 0, 0, 0, 0, 0, 0, 7).u8(0x00, 0x80));
    CursorShape c = u.fb.cursor();
    assertFalse(c.opaque(7, 0));
    assertTrue(c.opaque(8, 0));
    assertEquals(0xFFFF0000, c.argb(8, 0)); // BGR233 value 7 is full red
  }

  @Test
  void oversizedCursorIsRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.RGB888_LE);
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 4096, 4096, -239)));
  }
}
