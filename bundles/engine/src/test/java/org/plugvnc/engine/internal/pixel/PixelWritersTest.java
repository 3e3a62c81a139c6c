package org.plugvnc.engine.internal.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.testsupport.Bytes;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;

/**
 * Pixel conversion for every class of format: the written bytes, decoded by the independent
 * {@link PixelDecoder}, come back within the format's quantisation error; plus golden bytes.
 */
class PixelWritersTest {

  /** A true-colour format with golden bytes for some colours. */
  record Case(String name, PixelFormat format, Map<Integer, byte[]> golden) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<Integer, byte[]> golden(Object... colourThenBytes) {
    Map<Integer, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < colourThenBytes.length; i += 2) {
      m.put((Integer) colourThenBytes[i], (byte[]) colourThenBytes[i + 1]);
    }
    return m;
  }

  static Stream<Case> trueColourFormats() {
    return Stream.of(
        new Case("32bpp LE depth 24 RGB", new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0),
            golden(0x123456, of(0x56, 0x34, 0x12, 0x00), 0xFF0000, of(0, 0, 0xFF, 0))),
        new Case("32bpp BE depth 24 RGB", new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0),
            golden(0x123456, of(0x00, 0x12, 0x34, 0x56), 0x0000FF, of(0, 0, 0, 0xFF))),
        new Case("32bpp LE depth 24 BGR", new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16),
            golden(0x123456, of(0x12, 0x34, 0x56, 0x00))),
        new Case("16bpp 565 LE", new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0),
            golden(0xFF0000, of(0x00, 0xF8), 0x00FF00, of(0xE0, 0x07), 0x0000FF, of(0x1F, 0x00),
                0xFFFFFF, of(0xFF, 0xFF), 0x000000, of(0, 0))),
        new Case("16bpp 565 BE", new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0),
            golden(0xFF0000, of(0xF8, 0x00), 0x00FF00, of(0x07, 0xE0), 0x0000FF, of(0x00, 0x1F))),
        new Case("16bpp 555 LE", new PixelFormat(16, 15, false, true, 31, 31, 31, 10, 5, 0),
            golden(0xFF0000, of(0x00, 0x7C), 0x00FF00, of(0xE0, 0x03), 0xFFFFFF, of(0xFF, 0x7F))),
        new Case("8bpp BGR233", new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6),
            golden(0xFF0000, of(0x07), 0x00FF00, of(0x38), 0x0000FF, of(0xC0), 0xFFFFFF, of(0xFF))),
        new Case("8bpp RGB332", new PixelFormat(8, 8, false, true, 7, 7, 3, 5, 2, 0),
            golden(0xFF0000, of(0xE0), 0x00FF00, of(0x1C), 0x0000FF, of(0x03), 0x000000, of(0))),
        new Case("32bpp LE 10-10-10 depth 30", new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0),
            golden(0xFF0000, of(0x00, 0x00, 0xF0, 0x3F), 0x0000FF, of(0xFF, 0x03, 0x00, 0x00),
                0x00FF00, of(0x00, 0xFC, 0x0F, 0x00))),
        new Case("16bpp BE 4-4-4 at shifts 0/8/12", new PixelFormat(16, 12, true, true, 15, 15, 15, 0, 8, 12),
            golden(0xFF0000, of(0x00, 0x0F), 0x00FF00, of(0x0F, 0x00), 0x0000FF, of(0xF0, 0x00))),
        new Case("8bpp 1-1-1 depth 3", new PixelFormat(8, 3, false, true, 1, 1, 1, 2, 1, 0),
            golden(0xFF0000, of(0x04), 0x00FF00, of(0x02), 0x0000FF, of(0x01), 0xFFFFFF, of(0x07))),
        new Case("32bpp BE 16-bit red in the top bits", new PixelFormat(32, 32, true, true, 65535, 255, 255, 16, 8, 0),
            golden(0xFF0000, of(0xFF, 0xFF, 0x00, 0x00), 0x00FF7F, of(0x00, 0x00, 0xFF, 0x7F))));
  }

  static int[] testColours() {
    int[] fixed = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0x7F7F7F, 0x010203,
        0xFEFDFC, 0x123456, 0xABCDEF, 0x00FFFF, 0xFF00FF, 0xFFFF00, 0x404040, 0xC0C0C0};
    Random random = new Random(6143);
    int[] all = Arrays.copyOf(fixed, fixed.length + 512);
    for (int i = fixed.length; i < all.length; i++) {
      all[i] = random.nextInt(0x1000000);
    }
    return all;
  }

  private static byte[] write(PixelWriter w, int[] colours, int offset, int count) {
    CapturingOutput out = new CapturingOutput();
    w.writePixels(colours, offset, count, out);
    return out.bytes();
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void goldenBytes(Case c) {
    PixelWriter w = PixelWriters.forFormat(c.format());
    for (Map.Entry<Integer, byte[]> g : c.golden().entrySet()) {
      byte[] got = write(w, new int[] {g.getKey()}, 0, 1);
      assertArrayEquals(g.getValue(), got, () -> String.format("%06X: expected %s got %s",
          g.getKey(), Bytes.hex(g.getValue()), Bytes.hex(got)));
    }
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void decodedColoursAreWithinQuantisationError(Case c) {
    PixelFormat f = c.format();
    PixelWriter w = PixelWriters.forFormat(f);
    assertEquals(f, w.format());
    assertEquals(f.bitsPerPixel() / 8, w.bytesPerPixel());
    int[] colours = testColours();
    byte[] bytes = write(w, colours, 0, colours.length);
    assertEquals(colours.length * w.bytesPerPixel(), bytes.length);
    int[] decoded = PixelDecoder.colours(bytes, 0, colours.length, f, null);
    for (int i = 0; i < colours.length; i++) {
      int src = colours[i];
      int got = decoded[i];
      assertTrue(PixelDecoder.near(src, got, PixelDecoder.tolerance(f.redMax()),
          PixelDecoder.tolerance(f.greenMax()), PixelDecoder.tolerance(f.blueMax())),
          () -> String.format("%s: %06X decoded as %06X", c.name(), src, got));
    }
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void pixelValuesStayInsideTheFieldsAndMatchTheBytes(Case c) {
    PixelFormat f = c.format();
    PixelWriter w = PixelWriters.forFormat(f);
    long fields = ((long) f.redMax() << f.redShift()) | ((long) f.greenMax() << f.greenShift())
        | ((long) f.blueMax() << f.blueShift());
    for (int colour : testColours()) {
      int v = w.pixelValue(colour);
      assertEquals(0, (v & 0xFFFFFFFFL) & ~fields, () -> String.format("%06X -> %08X", colour, v));
      CapturingOutput one = new CapturingOutput();
      w.writePixelValue(v, one);
      assertArrayEquals(write(w, new int[] {colour}, 0, 1), one.bytes());
      assertEquals(v, PixelDecoder.value(one.bytes(), 0, f));
    }
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void longRunsWithAnOffsetAreWrittenWhole(Case c) {
    PixelFormat f = c.format();
    PixelWriter w = PixelWriters.forFormat(f);
    Random random = new Random(42);
    int[] colours = new int[3000];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = random.nextInt(0x1000000);
    }
    int offset = 7;
    int count = 2900;
    byte[] bytes = write(w, colours, offset, count);
    assertEquals(count * w.bytesPerPixel(), bytes.length);
    for (int i = 0; i < count; i++) {
      assertEquals(w.pixelValue(colours[offset + i]),
          PixelDecoder.value(bytes, i * w.bytesPerPixel(), f), "pixel " + i);
    }
  }

  @Test
  void alphaInTheTopByteIsIgnored() {
    PixelWriter w = PixelWriters.forFormat(PixelFormat.RGB888);
    assertArrayEquals(of(0x56, 0x34, 0x12, 0x00), write(w, new int[] {0xFF123456}, 0, 1));
    assertEquals(w.pixelValue(0x00ABCDEF), w.pixelValue(0x80ABCDEF));
  }

  @Test
  void trueColourHasNoColourMap() {
    assertTrue(PixelWriters.colourMap(PixelWriters.forFormat(PixelFormat.RGB888)).isEmpty());
  }

  @Test
  void invalidFormatsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> PixelWriters.forFormat(new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0)));
    assertThrows(IllegalArgumentException.class,
        () -> PixelWriters.forFormat(new PixelFormat(16, 16, false, true, 31, 63, 31, 10, 5, 0)));
  }
}
