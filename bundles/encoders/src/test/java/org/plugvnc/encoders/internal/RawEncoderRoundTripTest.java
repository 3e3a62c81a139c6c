package org.plugvnc.encoders.internal;

import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;

import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.ArrayFramebuffer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * Raw payloads decoded by {@link SpecRawDecoder} give back the source colours, reduced to the
 * precision of the viewer's format.
 */
class RawEncoderRoundTripTest {

  static Stream<Arguments> trueColourFormats() {
    return Stream.of(Formats.RGB888_LE, Formats.RGB888_BE, Formats.BGR888_BE, Formats.RGB565_LE,
        Formats.RGB565_BE, Formats.BGR233).map(Arguments::of);
  }

  /** The colour a viewer shows for {@code rgb}: each component at the format's nearest level. */
  private static int reduced(int rgb, PixelFormat f) {
    return level((rgb >> 16) & 0xFF, f.redMax()) << 16
        | level((rgb >> 8) & 0xFF, f.greenMax()) << 8
        | level(rgb & 0xFF, f.blueMax());
  }

  private static int level(int component, int max) {
    int nearest = (int) Math.round(component * (double) max / 255.0);
    return SpecRawDecoder.expand(nearest, max);
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void trueColourRoundTrip(PixelFormat format) {
    ArrayFramebuffer fb = new ArrayFramebuffer(50, 40).fillWithPattern();
    Rect rect = new Rect(5, 7, 40, 30);
    int[] decoded = encodeAndDecode(fb, rect, new SpecPixelWriter(format), null);
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        int src = fb.at(rect.x() + x, rect.y() + y);
        assertEquals(reduced(src, format), decoded[y * rect.width() + x],
            "pixel (" + x + "," + y + ") of 0x" + Integer.toHexString(src));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("trueColourFormats")
  void fullPrecisionFormatsAreLossless(PixelFormat format) {
    ArrayFramebuffer fb = new ArrayFramebuffer(20, 20).fillWithPattern();
    Rect rect = new Rect(0, 0, 20, 20);
    int[] decoded = encodeAndDecode(fb, rect, new SpecPixelWriter(format), null);
    boolean lossless = format.redMax() == 255 && format.greenMax() == 255 && format.blueMax() == 255;
    int differing = 0;
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] != fb.at(i % 20, i / 20)) {
        differing++;
      }
    }
    assertEquals(lossless, differing == 0, "differing pixels: " + differing);
  }

  @Test
  void colourMapRoundTrip() {
    ArrayFramebuffer fb = new ArrayFramebuffer(30, 20);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 30; x++) {
        fb.set(x, y, Formats.COLOUR_MAP[(x + 3 * y) % Formats.COLOUR_MAP.length]);
      }
    }
    Rect rect = new Rect(2, 3, 25, 15);
    int[] decoded = encodeAndDecode(fb, rect,
        new SpecPixelWriter(Formats.COLOUR_MAP_8, Formats.COLOUR_MAP), Formats.COLOUR_MAP);
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        assertEquals(fb.at(rect.x() + x, rect.y() + y), decoded[y * rect.width() + x]);
      }
    }
  }

  static int[] encodeAndDecode(ArrayFramebuffer fb, Rect rect, SpecPixelWriter writer, int[] map) {
    CapturingOutput out = new CapturingOutput();
    new RawEncoder().encode(new EncodeRequest(rect, fb, writer, null), out);
    return SpecRawDecoder.decode(out.bytes(), rect.width(), rect.height(), writer.format(), map);
  }
}
