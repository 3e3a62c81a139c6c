package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Formats;

/** CopyRect (RFC 6143 7.7.2) payloads: U16 src-x-position, U16 src-y-position. */
class CopyRectEncoderTest {

  private static byte[] encode(Point copySource) {
    CapturingOutput out = new CapturingOutput();
    new CopyRectEncoder().encode(EncodeRequest.copy(new Rect(0, 0, 4, 4), copySource,
        Formats.writer(Formats.RGB888_LE)), out);
    return out.bytes();
  }

  @Test
  void payloadIsSourceXThenSourceYBigEndian() {
    assertArrayEquals(new byte[] {0x01, 0x02, (byte) 0xFF, (byte) 0xFE},
        encode(new Point(0x0102, 0xFFFE)));
    assertArrayEquals(new byte[] {0, 0, 0, 7}, encode(new Point(0, 7)));
  }

  @Test
  void missingCopySourceIsRefused() {
    assertThrows(NullPointerException.class, () -> encode(null));
  }
}
