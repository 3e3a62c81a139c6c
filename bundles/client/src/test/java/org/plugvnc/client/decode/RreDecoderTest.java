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

class RreDecoderTest {

  private static final int RRE = RfbNumbers.ENCODING_RRE;
  private static final int R = 0xFF0000;
  private static final int G = 0x00FF00;
  private static final int B = 0x0000FF;

  @Test
  void backgroundThenSubrectangles32LittleEndian() throws IOException {
    Updates u = new Updates(4, 3, PixelFormat.RGB888_LE);
    // 4x3 at 0,0: background red, a blue 2x1 at 1,0 and a green 1x2 at 3,1
    u.apply(Updates.oneRect(0, 0, 4, 3, RRE).u32(2).u8(0x00, 0x00, 0xFF, 0x00)
        .u8(0xFF, 0x00, 0x00, 0x00).u16(1, 0, 2, 1)
        .u8(0x00, 0xFF, 0x00, 0x00).u16(3, 1, 1, 2));
    assertArrayEquals(new int[] {R, B, B, R, R, R, R, G, R, R, R, G}, u.fb.buffer());
  }

  @Test
  void subrectanglePositionsAreRelativeToTheRectangle() throws IOException {
    Updates u = new Updates(3, 3, PixelFormat.RGB888_BE);
    u.apply(Updates.oneRect(1, 1, 2, 2, RRE).u32(1).u8(0, 0xFF, 0, 0)
        .u8(0, 0, 0, 0xFF).u16(1, 1, 1, 1));
    assertArrayEquals(new int[] {0, 0, 0, 0, R, R, 0, R, B}, u.fb.buffer());
  }

  @Test
  void sixteenBitsBothByteOrders() throws IOException {
    Updates le = new Updates(2, 1, PixelFormat.RGB565_LE);
    le.apply(Updates.oneRect(0, 0, 2, 1, RRE).u32(1).u8(0x00, 0xF8).u8(0x1F, 0x00).u16(1, 0, 1, 1));
    assertArrayEquals(new int[] {R, B}, le.fb.buffer());
    Updates be = new Updates(2, 1, PixelFormat.RGB565_BE);
    be.apply(Updates.oneRect(0, 0, 2, 1, RRE).u32(1).u8(0xF8, 0x00).u8(0x00, 0x1F).u16(1, 0, 1, 1));
    assertArrayEquals(new int[] {R, B}, be.fb.buffer());
  }

  @Test
  void eightBitsTrueColour() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    u.apply(Updates.oneRect(0, 0, 2, 1, RRE).u32(1).u8(0x07).u8(0xC0).u16(0, 0, 1, 1));
    assertArrayEquals(new int[] {B, R}, u.fb.buffer());
  }

  @Test
  void noSubrectanglesIsASolidRectangle() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    u.apply(Updates.oneRect(0, 0, 2, 2, RRE).u32(0).u8(0x00, 0xFF, 0x00, 0x00));
    assertArrayEquals(new int[] {G, G, G, G}, u.fb.buffer());
  }

  @Test
  void moreSubrectanglesThanPixelsFailsBeforeReadingThem() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    // only the count and the background are there: a decoder that read on would hit EOF
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(0, 0, 2, 2, RRE).u32(0xFFFFFFFFL).u8(0, 0, 0, 0)));
    assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
    assertEquals(16 + 4, u.consumed());
  }

  @Test
  void subrectangleOutsideTheRectangleIsRefused() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.RGB888_LE);
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(0, 0, 2, 2, RRE).u32(1).u8(0, 0, 0, 0)
            .u8(0, 0, 0, 0).u16(1, 0, 2, 1)));
    assertTrue(e.getMessage().contains("outside"), e.getMessage());
  }

  @Test
  void truncatedSubrectangleIsEndOfStream() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    assertThrows(EOFException.class, () -> u.apply(Updates.oneRect(0, 0, 2, 2, RRE).u32(1)
        .u8(0, 0, 0, 0).u8(0, 0, 0, 0).u16(0, 0)));
  }
}
