package org.plugvnc.encoders.internal;

import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;

import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.ArrayFramebuffer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/** CopyRect (RFC 6143 7.7.2) payloads, and what the two factories declare. */
class CopyRectEncoderTest {

  private static byte[] encode(Point copySource) {
    CapturingOutput out = new CapturingOutput();
    ArrayFramebuffer fb = new ArrayFramebuffer(4, 4);
    new CopyRectEncoder().encode(new EncodeRequest(new Rect(0, 0, 4, 4), fb,
        new SpecPixelWriter(Formats.RGB888_LE), copySource), out);
    assertTrue(fb.reads().isEmpty(), "CopyRect never reads pixels");
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

  @Test
  void factoriesDeclareTheirEncodings() {
    RawEncoderFactory raw = new RawEncoderFactory();
    assertEquals(0, raw.encoding());
    assertFalse(raw.encodesCopies());
    assertNotSame(raw.create(), raw.create());
    CopyRectEncoderFactory copy = new CopyRectEncoderFactory();
    assertEquals(1, copy.encoding());
    assertTrue(copy.encodesCopies());
    assertTrue(copy.create() instanceof CopyRectEncoder);
  }
}
