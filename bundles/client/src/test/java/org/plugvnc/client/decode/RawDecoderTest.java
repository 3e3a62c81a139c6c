package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;

class RawDecoderTest {

  @Test
  void raw32LittleEndian() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE);
    // 2x1 at (1,1): 0x00112233 and 0x00FF8000, least significant byte first
    FramebufferUpdate m = (FramebufferUpdate) u.apply(Updates.oneRect(1, 1, 2, 1, 0)
        .u8(0x33, 0x22, 0x11, 0x00, 0x00, 0x80, 0xFF, 0x00));
    assertEquals(List.of(new Rectangle(1, 1, 2, 1, 0)), m.rectangles());
    assertEquals(4 + 12 + 8, m.byteCount());
    assertArrayEquals(new int[] {0, 0, 0, 0, 0x112233, 0xFF8000}, u.fb.buffer());
  }

  @Test
  void raw32BigEndian() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB888_BE);
    u.apply(Updates.oneRect(0, 0, 2, 1, 0).u8(0x00, 0x11, 0x22, 0x33, 0xAA, 0xFF, 0x80, 0x00));
    // the top byte is outside every channel and must be ignored
    assertArrayEquals(new int[] {0x112233, 0xFF8000}, u.fb.buffer());
  }

  @Test
  void raw32Bgr() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR888_LE);
    u.apply(Updates.oneRect(0, 0, 1, 1, 0).u8(0x33, 0x22, 0x11, 0x00));
    assertEquals(0x332211, u.fb.pixel(0, 0));
  }

  @Test
  void raw16Rgb565BothByteOrders() throws IOException {
    int[] expected = {0xFF0000, 0x00FF00, 0x0000FF, 0x848284};
    Updates le = new Updates(4, 1, PixelFormat.RGB565_LE);
    le.apply(Updates.oneRect(0, 0, 4, 1, 0).u8(0x00, 0xF8, 0xE0, 0x07, 0x1F, 0x00, 0x10, 0x84));
    assertArrayEquals(expected, le.fb.buffer());
    Updates be = new Updates(4, 1, PixelFormat.RGB565_BE);
    be.apply(Updates.oneRect(0, 0, 4, 1, 0).u8(0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F, 0x84, 0x10));
    assertArrayEquals(expected, be.fb.buffer());
  }

  @Test
  void raw8Bgr233() throws IOException {
    Updates u = new Updates(3, 1, PixelFormat.BGR233);
    // 0xC7 = b 3, g 0, r 7; 0x53 = b 1, g 2, r 3 -> 85, round(2*255/7)=73, round(3*255/7)=109
    u.apply(Updates.oneRect(0, 0, 3, 1, 0).u8(0xC7, 0x53, 0xFF));
    assertArrayEquals(new int[] {0xFF00FF, 0x6D4955, 0xFFFFFF}, u.fb.buffer());
  }

  @Test
  void raw32TenBitChannels() throws IOException {
    PixelFormat r10g10b10 = new PixelFormat(32, 30, true, true, 1023, 1023, 1023, 20, 10, 0);
    Updates u = new Updates(1, 1, r10g10b10);
    int value = 1023 << 20 | 512 << 10 | 3; // 255, round(127.62)=128, round(0.75)=1
    u.apply(Updates.oneRect(0, 0, 1, 1, 0).u32(value));
    assertEquals(0xFF8001, u.fb.pixel(0, 0));
  }

  @Test
  void rawInColourMapMode() throws IOException {
    Updates u = new Updates(3, 1, PixelFormat.INDEXED_8);
    u.apply(org.plugvnc.client.TestBytes.bytes().u8(1, 0).u16(5, 2)
        .u16(0xFFFF, 0, 0).u16(0x8000, 0x4000, 0x0101));
    u.apply(Updates.oneRect(0, 0, 3, 1, 0).u8(5, 6, 7));
    assertArrayEquals(new int[] {0xFF0000, 0x804001, 0}, u.fb.buffer());
  }

  @Test
  void rectangleOutsideTheFramebufferIsAProtocolError() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.RGB888_LE);
    assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(3, 0, 2, 1, 0).u32(0, 0)));
  }

  @Test
  void undecodablePixelFormatIsReportedWhenPixelsArrive() throws IOException {
    Updates u = new Updates(1, 1, new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0));
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 1, 1, 0).u8(1, 2, 3)));
  }
}
