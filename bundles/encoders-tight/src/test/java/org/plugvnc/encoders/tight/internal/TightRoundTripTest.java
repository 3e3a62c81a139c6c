package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * Lossless Tight: every corpus scene, test rectangle and pixel format, with and without the
 * selector's analysis, at several compression levels, decodes through {@link SpecTightDecoder}
 * exactly to what a viewer sees of the source. One encoder and one decoder serve all rectangles of
 * a run, as on a connection, so the zlib streams are followed across rectangles.
 */
class TightRoundTripTest {

  static final int WIDTH = 96;
  static final int HEIGHT = 80;

  /** The settings each run uses: default, no compression, TurboVNC's no-zlib, gradient, best. */
  static final List<EncodingSettings> LOSSLESS = List.of(
      EncodingSettings.DEFAULT,
      new EncodingSettings(-1, -1, null, 0, false),
      new EncodingSettings(-1, -1, null, 0, true),
      new EncodingSettings(-1, -1, null, 1, true),
      new EncodingSettings(-1, -1, null, 6, false),
      new EncodingSettings(-1, -1, null, 9, false));

  static Stream<Arguments> scenesAndFormats() {
    List<Arguments> all = new ArrayList<>();
    for (Corpus scene : Corpus.values()) {
      for (PixelFormat format : Formats.ALL) {
        all.add(Arguments.of(scene, format));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenesAndFormats")
  void losslessTightDecodesExactly(Corpus scene, PixelFormat format) {
    int[] picture = scene.pixels(WIDTH, HEIGHT, 7);
    Set<String> methods = new HashSet<>();
    for (EncodingSettings settings : LOSSLESS) {
      for (boolean analysed : new boolean[] {false, true}) {
        methods.addAll(run(picture, format, settings, analysed, false));
      }
    }
    assertTrue(methods.contains("fill"), "the 1x1 rectangles are fills: " + methods);
    if (scene == Corpus.PHOTO && format.trueColour() && format.bitsPerPixel() >= 16) {
      assertTrue(methods.contains("gradient") && methods.contains("copy"), methods.toString());
    }
    if (scene == Corpus.TEXT && format.bitsPerPixel() > 8) {
      assertTrue(methods.contains("palette"), methods.toString());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenesAndFormats")
  void tightPngDecodesExactly(Corpus scene, PixelFormat format) {
    int[] picture = scene.pixels(WIDTH, HEIGHT, 11);
    Set<String> methods = new HashSet<>();
    for (EncodingSettings settings : List.of(EncodingSettings.DEFAULT,
        new EncodingSettings(-1, -1, null, 9, false))) {
      for (boolean analysed : new boolean[] {false, true}) {
        methods.addAll(run(picture, format, settings, analysed, true));
      }
    }
    assertEquals(scene == Corpus.SOLID ? Set.of("fill") : Set.of("fill", "png"), methods);
  }

  /** Encodes all test rectangles with one encoder; returns the methods the decoder saw. */
  static Set<String> run(int[] picture, PixelFormat format, EncodingSettings settings,
      boolean analysed, boolean png) {
    SpecPixelWriter writer = Formats.writer(format);
    TestEncoderContext context = new TestEncoderContext();
    Encoder encoder = png ? new TightPngEncoderFactory(ImageIoJpegCompressor::new).create(context)
        : new TightEncoderFactory(ImageIoJpegCompressor::new).create(context);
    encoder.configure(settings);
    SpecTightDecoder decoder = new SpecTightDecoder(format, png ? SpecTightDecoder.Variant.TIGHT_PNG
        : settings.tightWithoutZlib() ? SpecTightDecoder.Variant.TIGHT_WITHOUT_ZLIB
        : SpecTightDecoder.Variant.TIGHT);
    Set<String> methods = new HashSet<>();
    for (Rect rect : Corpus.testRects(WIDTH, HEIGHT)) {
      EncodeRequest request = analysed
          ? TestRequests.analysed(rect, picture, WIDTH, writer, Palette.MAX_COLOURS, false)
          : TestRequests.plain(rect, picture, WIDTH, writer);
      CapturingOutput out = new CapturingOutput();
      encoder.encode(request, out);
      SpecTightDecoder.Decoded decoded = decoder.decode(out.bytes(), rect.width(), rect.height());
      methods.add(decoded.method());
      assertSeen(picture, rect, format, decoded.rgb(),
          settings + (analysed ? " analysed " : " plain ") + rect + " " + decoded.method());
      if (settings.tightWithoutZlib() && settings.compressLevel() == 0) {
        assertTrue(!decoded.zlib(), "no zlib at level 0 for a -317 viewer");
      }
    }
    encoder.close();
    context.end();
    return methods;
  }

  static void assertSeen(int[] picture, Rect rect, PixelFormat format, int[] decoded,
      String what) {
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        int source = picture[(rect.y() + y) * WIDTH + rect.x() + x];
        int expected = Formats.seen(format, source);
        int got = decoded[y * rect.width() + x];
        if (expected != got) {
          throw new AssertionError(what + ": pixel (" + x + "," + y + ") 0x"
              + Integer.toHexString(source) + " seen as 0x" + Integer.toHexString(expected)
              + " but decoded 0x" + Integer.toHexString(got));
        }
      }
    }
  }
}
