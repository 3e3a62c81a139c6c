package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;

class CoRreDecoderTest {

  private static final int CORRE = RfbNumbers.ENCODING_CORRE;

  @Test
  void subrectangleFieldsAreSingleBytes() throws IOException {
    Updates u = new Updates(3, 2, PixelFormat.RGB888_LE);
    // background white; black 2x1 at 1,1 given as U8 x, y, w, h
    u.apply(Updates.oneRect(0, 0, 3, 2, CORRE).u32(1).u8(0xFF, 0xFF, 0xFF, 0x00)
        .u8(0, 0, 0, 0).u8(1, 1, 2, 1));
    int w = 0xFFFFFF;
    assertArrayEquals(new int[] {w, w, w, w, 0, 0}, u.fb.buffer());
  }

  @Test
  void sixteenBitBigEndian() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.RGB565_BE);
    u.apply(Updates.oneRect(0, 0, 2, 1, CORRE).u32(1).u8(0x07, 0xE0).u8(0xF8, 0x00).u8(0, 0, 1, 1));
    assertArrayEquals(new int[] {0xFF0000, 0x00FF00}, u.fb.buffer());
  }

  @Test
  void subrectangleOutsideIsRefused() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.RGB888_LE);
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 2, 2, CORRE)
        .u32(1).u8(0, 0, 0, 0).u8(0, 0, 0, 0).u8(0, 2, 1, 1)));
  }

  @Test
  void countAboveTheAreaIsRefusedBeforeReading() throws IOException {
    Updates u = new Updates(4, 4, PixelFormat.RGB888_LE);
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 1, 1, CORRE)
        .u32(2).u8(0, 0, 0, 0)));
    assertEquals(16 + 4, u.consumed());
  }
}
