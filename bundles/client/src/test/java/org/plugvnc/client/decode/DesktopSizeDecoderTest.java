package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

class DesktopSizeDecoderTest {

  @Test
  void resizesAndLaterRectanglesUseTheNewSize() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    // one update: DesktopSize 4x3 (no data), then Raw 1x1 at (3,2)
    FramebufferUpdate m = (FramebufferUpdate) u.apply(TestBytes.bytes().u8(0, 0).u16(2)
        .u16(0, 0, 4, 3).u32(-223 & 0xFFFFFFFFL)
        .u16(3, 2, 1, 1).u32(0).u8(0x56, 0x34, 0x12, 0));
    assertEquals(4, u.fb.width());
    assertEquals(3, u.fb.height());
    assertEquals(12, u.fb.buffer().length);
    assertEquals(0x123456, u.fb.pixel(3, 2));
    assertEquals(true, m.hasEncoding(-223));
    assertEquals(1, m.pixelArea());
  }

  @Test
  void oversizedDesktopIsRefused() throws IOException {
    Updates u = new Updates(2, 2, PixelFormat.RGB888_LE);
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 65535, 65535, -223)));
  }
}
