package org.plugvnc.engine.internal.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.testsupport.Bytes;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;

/**
 * Colour-map formats (trueColour 0): the written values index the map the engine sends with
 * SetColourMapEntries; decoded through that map they come back close to the source colour.
 */
class ColourMapPixelWriterTest {

  private static PixelFormat colourMap(int bpp, int depth, boolean bigEndian) {
    // maxima and shifts are meaningless in colour-map mode (RFC 6143 7.4); give them junk
    return new PixelFormat(bpp, depth, bigEndian, false, 0, 0, 0, 0, 0, 0);
  }

  private static int[] map(PixelWriter w) {
    Optional<int[]> map = PixelWriters.colourMap(w);
    assertTrue(map.isPresent(), "a colour-map writer has a map to send");
    return map.get();
  }

  private static byte[] write(PixelWriter w, int... colours) {
    CapturingOutput out = new CapturingOutput();
    w.writePixels(colours, 0, colours.length, out);
    return out.bytes();
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 32})
  void fullColourMapDecodesCloseToTheSource(int bpp) {
    PixelFormat f = colourMap(bpp, 8, bpp == 16);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = map(w);
    assertTrue(map.length >= 2 && map.length <= 256, "an 8-bit map has at most 256 entries");
    int[] colours = PixelWritersTest.testColours();
    byte[] bytes = write(w, colours);
    assertEquals(colours.length * (bpp / 8), bytes.length);
    int[] decoded = PixelDecoder.colours(bytes, 0, colours.length, f, map);
    for (int i = 0; i < colours.length; i++) {
      int src = colours[i];
      int got = decoded[i];
      // a 256-colour map can do no better than 3-3-2 bits everywhere
      assertTrue(PixelDecoder.near(src, got, PixelDecoder.tolerance(7), PixelDecoder.tolerance(7),
          PixelDecoder.tolerance(3)), () -> String.format("%06X decoded as %06X", src, got));
    }
  }

  @Test
  void primariesAreExactAt8Bits() {
    PixelFormat f = colourMap(8, 8, false);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = map(w);
    int[] primaries = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF};
    assertArrayEquals(primaries, PixelDecoder.colours(write(w, primaries), 0, primaries.length, f, map));
  }

  @Test
  void sixteenBitValuesFollowTheByteOrder() {
    PixelFormat be = colourMap(16, 16, true);
    PixelFormat le = colourMap(16, 16, false);
    PixelWriter wbe = PixelWriters.forFormat(be);
    PixelWriter wle = PixelWriters.forFormat(le);
    int v = wbe.pixelValue(0xFFFFFF);
    assertEquals(v, wle.pixelValue(0xFFFFFF));
    assertArrayEquals(Bytes.of(v >> 8, v & 0xFF), write(wbe, 0xFFFFFF));
    assertArrayEquals(Bytes.of(v & 0xFF, v >> 8), write(wle, 0xFFFFFF));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 6, 7})
  void smallDepthUsesAMapThatFitsTheDepth(int depth) {
    PixelFormat f = colourMap(8, depth, false);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = map(w);
    assertTrue(map.length >= 2 && map.length <= (1 << depth), "map of " + map.length + " for depth " + depth);
    int[] colours = PixelWritersTest.testColours();
    byte[] bytes = write(w, colours);
    for (int i = 0; i < colours.length; i++) {
      int v = bytes[i] & 0xFF;
      assertTrue(v < (1 << depth) && v < map.length, "value " + v + " beyond depth " + depth);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 6})
  void smallDepthGreysComeBackWithinQuantisationError(int depth) {
    PixelFormat f = colourMap(8, depth, false);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = map(w);
    int levels = map.length;
    for (int g = 0; g < 256; g++) {
      int grey = g << 16 | g << 8 | g;
      int got = PixelDecoder.colours(write(w, grey), 0, 1, f, map)[0];
      int tol = PixelDecoder.tolerance(levels - 1);
      assertTrue(PixelDecoder.near(grey, got, tol, tol, tol),
          String.format("depth %d: %06X decoded as %06X", depth, grey, got));
    }
  }

  @Test
  void blackAndWhiteAreExactAtDepthOne() {
    PixelFormat f = colourMap(8, 1, false);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = map(w);
    assertArrayEquals(new int[] {0x000000, 0xFFFFFF},
        PixelDecoder.colours(write(w, 0x000000, 0xFFFFFF), 0, 2, f, map));
  }

  @Test
  void theMapIsACopy() {
    PixelWriter w = PixelWriters.forFormat(colourMap(8, 8, false));
    int[] first = map(w);
    int before = first[0];
    first[0] = 0x123456 ^ before;
    assertEquals(before, map(w)[0]);
  }
}
