package org.plugvnc.encoders.internal;

import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;

import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.ArrayFramebuffer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * Golden bytes for Raw (RFC 6143 7.7.1): a 3x2 rectangle at (1,1) of a 5x4 framebuffer, in each
 * viewer format. The rows are red, green, blue / white, black, 0x804020; everything around the
 * rectangle is 0x123456, which must not leak into the payload.
 */
class RawEncoderTest {

  private static final Rect RECT = new Rect(1, 1, 3, 2);

  private static byte[] b(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static ArrayFramebuffer source() {
    ArrayFramebuffer fb = new ArrayFramebuffer(5, 4);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        fb.set(x, y, 0x123456);
      }
    }
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x804020};
    for (int i = 0; i < colours.length; i++) {
      fb.set(1 + i % 3, 1 + i / 3, colours[i]);
    }
    return fb;
  }

  private static byte[] encode(PixelFormat format, int[] colourMap) {
    CapturingOutput out = new CapturingOutput();
    EncodeRequest request =
        new EncodeRequest(RECT, source(), new SpecPixelWriter(format, colourMap), null);
    new RawEncoder().encode(request, out);
    return out.bytes();
  }

  @Test
  void rgb888LittleEndian() {
    assertArrayEquals(b(
        0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00,
        0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40, 0x80, 0x00),
        encode(Formats.RGB888_LE, null));
  }

  @Test
  void rgb888BigEndian() {
    assertArrayEquals(b(
        0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF,
        0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x40, 0x20),
        encode(Formats.RGB888_BE, null));
  }

  @Test
  void bgr888BigEndian() {
    assertArrayEquals(b(
        0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00,
        0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40, 0x80),
        encode(Formats.BGR888_BE, null));
  }

  /** 0x804020 in RGB565: r 128*31/255 -> 16, g 64*63/255 -> 16, b 32*31/255 -> 4: 0x8204. */
  @Test
  void rgb565LittleEndian() {
    assertArrayEquals(b(
        0x00, 0xF8, 0xE0, 0x07, 0x1F, 0x00,
        0xFF, 0xFF, 0x00, 0x00, 0x04, 0x82),
        encode(Formats.RGB565_LE, null));
  }

  @Test
  void rgb565BigEndian() {
    assertArrayEquals(b(
        0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F,
        0xFF, 0xFF, 0x00, 0x00, 0x82, 0x04),
        encode(Formats.RGB565_BE, null));
  }

  /** 0x804020 in BGR233: r 128*7/255 -> 4, g 64*7/255 -> 2, b 32*3/255 -> 0: 4 | 2 << 3 = 0x14. */
  @Test
  void bgr233TrueColour() {
    assertArrayEquals(b(0x07, 0x38, 0xC0, 0xFF, 0x00, 0x14), encode(Formats.BGR233, null));
  }

  @Test
  void colourMap8() {
    assertArrayEquals(b(0x02, 0x03, 0x04, 0x01, 0x00, 0x05),
        encode(Formats.COLOUR_MAP_8, Formats.COLOUR_MAP));
  }

  @Test
  void readsOnlyInsideTheRectangle() {
    ArrayFramebuffer fb = source();
    new RawEncoder().encode(
        new EncodeRequest(RECT, fb, new SpecPixelWriter(Formats.RGB888_LE), null),
        new CapturingOutput());
    assertEquals(1, fb.reads().size());
    assertEquals(RECT, fb.reads().get(0));
  }

  @Test
  void emptyRectangleWritesNothing() {
    CapturingOutput out = new CapturingOutput();
    new RawEncoder().encode(new EncodeRequest(new Rect(2, 2, 0, 5), source(),
        new SpecPixelWriter(Formats.RGB888_LE), null), out);
    assertEquals(0, out.position());
  }
}
