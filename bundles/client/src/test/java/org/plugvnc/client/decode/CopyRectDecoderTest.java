package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;

class CopyRectDecoderTest {

  /** A 3x3 framebuffer holding 1..9 (as 0x000001..0x000009), filled with a Raw rectangle. */
  private static Updates numbered() throws IOException {
    Updates u = new Updates(3, 3, PixelFormat.BGR888_LE);
    TestBytes raw = Updates.oneRect(0, 0, 3, 3, 0);
    for (int i = 1; i <= 9; i++) {
      raw.u8(0, 0, i, 0); // BGR888_LE: third byte is blue
    }
    u.apply(raw);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, u.fb.buffer());
    return u;
  }

  @Test
  void copiesFromTheClientFramebuffer() throws IOException {
    Updates u = numbered();
    u.apply(Updates.oneRect(0, 0, 1, 2, 1).u16(2, 1)); // source column 2, rows 1-2
    assertArrayEquals(new int[] {6, 2, 3, 9, 5, 6, 7, 8, 9}, u.fb.buffer());
  }

  @Test
  void overlappingCopyDownwardsReadsSourceFirst() throws IOException {
    Updates u = numbered();
    u.apply(Updates.oneRect(0, 1, 3, 2, 1).u16(0, 0)); // rows 0-1 to rows 1-2
    assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3, 4, 5, 6}, u.fb.buffer());
  }

  @Test
  void overlappingCopyRightwardsReadsSourceFirst() throws IOException {
    Updates u = numbered();
    u.apply(Updates.oneRect(1, 0, 2, 3, 1).u16(0, 0));
    assertArrayEquals(new int[] {1, 1, 2, 4, 4, 5, 7, 7, 8}, u.fb.buffer());
  }

  @Test
  void overlappingCopyUpwardsReadsSourceFirst() throws IOException {
    Updates u = numbered();
    u.apply(Updates.oneRect(0, 0, 3, 2, 1).u16(0, 1));
    assertArrayEquals(new int[] {4, 5, 6, 7, 8, 9, 7, 8, 9}, u.fb.buffer());
  }

  @Test
  void sourceOutsideTheFramebufferIsAProtocolError() throws IOException {
    Updates u = numbered();
    assertThrows(RfbProtocolException.class, () -> u.apply(Updates.oneRect(0, 0, 2, 2, 1).u16(2, 0)));
  }
}
