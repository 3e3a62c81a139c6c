package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestRequests;

/**
 * Golden bytes for Raw (RFC 6143 7.7.1): a 3x2 rectangle at (1,1) of a 5x4 picture, in each viewer
 * format. The rows are red, green, blue / white, black, 0x804020; everything around the rectangle
 * is 0x123456, which must not leak into the payload. Then how the bytes reach the output.
 */
class RawEncoderTest {

  private static final Rect RECT = new Rect(1, 1, 3, 2);

  static byte[] b(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static int[] source() {
    int[] picture = new int[5 * 4];
    java.util.Arrays.fill(picture, 0x123456);
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x804020};
    for (int i = 0; i < colours.length; i++) {
      picture[(1 + i / 3) * 5 + 1 + i % 3] = colours[i];
    }
    return picture;
  }

  private static byte[] encode(PixelFormat format) {
    CapturingOutput out = new CapturingOutput();
    new RawEncoder().encode(TestRequests.plain(RECT, source(), 5, Formats.writer(format)), out);
    return out.bytes();
  }

  @Test
  void rgb888LittleEndian() {
    assertArrayEquals(b(
        0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00,
        0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40, 0x80, 0x00),
        encode(Formats.RGB888_LE));
  }

  @Test
  void rgb888BigEndian() {
    assertArrayEquals(b(
        0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF,
        0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x40, 0x20),
        encode(Formats.RGB888_BE));
  }

  @Test
  void bgr888BigEndian() {
    assertArrayEquals(b(
        0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00, 0xFF, 0x00, 0x00,
        0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40, 0x80),
        encode(Formats.BGR888_BE));
  }

  /** 0x804020 in RGB565: r 128*31/255 -> 16, g 64*63/255 -> 16, b 32*31/255 -> 4: 0x8204. */
  @Test
  void rgb565LittleEndian() {
    assertArrayEquals(b(
        0x00, 0xF8, 0xE0, 0x07, 0x1F, 0x00,
        0xFF, 0xFF, 0x00, 0x00, 0x04, 0x82),
        encode(Formats.RGB565_LE));
  }

  @Test
  void rgb565BigEndian() {
    assertArrayEquals(b(
        0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F,
        0xFF, 0xFF, 0x00, 0x00, 0x82, 0x04),
        encode(Formats.RGB565_BE));
  }

  /** 0x804020 in BGR233: r 128*7/255 -> 4, g 64*7/255 -> 2, b 32*3/255 -> 0: 4 | 2 << 3 = 0x14. */
  @Test
  void bgr233TrueColour() {
    assertArrayEquals(b(0x07, 0x38, 0xC0, 0xFF, 0x00, 0x14), encode(Formats.BGR233));
  }

  @Test
  void colourMap8() {
    assertArrayEquals(b(0x02, 0x03, 0x04, 0x01, 0x00, 0x05), encode(Formats.COLOUR_MAP_8));
  }

  @Test
  void emptyRectangleWritesNothing() {
    CapturingOutput out = new CapturingOutput();
    new RawEncoder().encode(TestRequests.plain(new Rect(2, 2, 0, 5), source(), 5,
        Formats.writer(Formats.RGB888_LE)), out);
    assertEquals(0, out.position());
  }

  static Stream<PixelFormat> trueColour() {
    return Formats.ALL.stream().filter(PixelFormat::trueColour);
  }

  /** Full-precision formats give back every colour; reduced ones lose some of a photograph. */
  @ParameterizedTest
  @MethodSource("trueColour")
  void onlyFullPrecisionFormatsAreLossless(PixelFormat format) {
    int[] photo = Corpus.PHOTO.pixels(40, 30, 1);
    CapturingOutput out = new CapturingOutput();
    new RawEncoder().encode(
        TestRequests.plain(new Rect(0, 0, 40, 30), photo, 40, Formats.writer(format)), out);
    int[] decoded = SpecRawDecoder.decode(out.bytes(), 40, 30, format, null);
    boolean lossless = format.redMax() == 255 && format.greenMax() == 255
        && format.blueMax() == 255;
    int differing = 0;
    for (int i = 0; i < decoded.length; i++) {
      differing += decoded[i] == photo[i] ? 0 : 1;
    }
    assertEquals(lossless, differing == 0, "differing pixels: " + differing);
  }

  /** Whatever the shape, bytes leave in bounded chunks from one reused array, never one by one. */
  @Test
  void bytesLeaveInBoundedChunksOfOneArray() {
    RawEncoder encoder = new RawEncoder();
    RecordingOutput out = new RecordingOutput();
    Rect[] shapes = {new Rect(0, 0, 10000, 1), new Rect(0, 0, 1, 10000), new Rect(3, 2, 300, 230)};
    int expected = 0;
    for (Rect rect : shapes) {
      int width = rect.right();
      int[] picture = Corpus.NOISE.pixels(width, rect.bottom(), 3);
      EncodeRequest request = TestRequests.plain(rect, picture, width,
          Formats.writer(Formats.RGB888_BE));
      int before = out.position();
      encoder.encode(request, out);
      byte[] payload = java.util.Arrays.copyOfRange(out.bytes(), before, out.position());
      int[] decoded = SpecRawDecoder.decode(payload, rect.width(), rect.height(),
          Formats.RGB888_BE, null);
      for (int i = 0; i < decoded.length; i++) {
        int x = rect.x() + i % rect.width();
        int y = rect.y() + i / rect.width();
        assertEquals(picture[y * width + x], decoded[i]);
      }
      expected += rect.width() * rect.height() * 4;
    }
    assertEquals(expected, out.position());
    assertEquals(0, out.numbers, "no single numbers");
    assertEquals(1, out.arrays.size(), "one reused array");
    assertTrue(out.chunks.stream().allMatch(len -> len <= OutputChunk.CAPACITY), "" + out.chunks);
    assertTrue(out.chunks.size() <= expected / OutputChunk.CAPACITY + shapes.length,
        out.chunks.size() + " chunks");
  }
}
