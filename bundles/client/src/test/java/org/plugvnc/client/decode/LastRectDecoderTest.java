package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

class LastRectDecoderTest {

  private static final int RAW = RfbNumbers.ENCODING_RAW;
  private static final int LAST_RECT = RfbNumbers.ENCODING_LAST_RECT;

  private static TestBytes update(int count) {
    return TestBytes.bytes().u8(0, 0).u16(count);
  }

  @Test
  void lastRectEndsAnUpdateThatAnnounced65535Rectangles() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233).listed(RAW, LAST_RECT);
    FramebufferUpdate m = (FramebufferUpdate) u.apply(update(0xFFFF)
        .u16(0, 0, 2, 1).u32(RAW).u8(0x07, 0xC0)
        .u16(0, 0, 0, 0).u32(LAST_RECT & 0xFFFFFFFFL));
    assertEquals(List.of(new Rectangle(0, 0, 2, 1, RAW), new Rectangle(0, 0, 0, 0, LAST_RECT)),
        m.rectangles());
    assertEquals(0x0000FF, u.fb.pixel(1, 0));
    assertEquals(2, m.pixelArea());
  }

  @Test
  void lastRectEndsTheUpdateWhateverItsCount() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    // announced 3; after the LastRect the next bytes belong to the next message (a Bell)
    TestBytes bytes = update(3).u16(0, 0, 0, 0).u32(LAST_RECT & 0xFFFFFFFFL).u8(2);
    FramebufferUpdate m = (FramebufferUpdate) u.applyPrefix(bytes);
    assertEquals(1, m.rectangles().size());
    assertEquals(4 + 12, u.consumed());
  }

  @Test
  void anUpdateWithoutLastRectReadsItsCount() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    FramebufferUpdate m = (FramebufferUpdate) u.apply(update(2)
        .u16(0, 0, 1, 1).u32(RAW).u8(1).u16(0, 0, 1, 1).u32(RAW).u8(2));
    assertEquals(2, m.rectangles().size());
  }

  @Test
  void lastRectTheClientNeverListedIsRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233).listed(RAW);
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(update(0xFFFF)
        .u16(0, 0, 0, 0).u32(LAST_RECT & 0xFFFFFFFFL)));
    assertTrue(e.getMessage().contains("never listed"), e.getMessage());
  }
}
