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
 * a run, as on a connection, so the zlib streams are followed across rectangles. Each run is made
 * with the gradient filter off (the default) and on.
 */
class TightRoundTripTest {

  static final int WIDTH = 96;
  static final int HEIGHT = 80;

  /** The settings each run uses: default, best, no compression, TurboVNC's no-zlib, others. */
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
    Scene picture = new Scene(scene.pixels(WIDTH, HEIGHT, 7), format);
    Set<String> methods = new HashSet<>();
    for (EncodingSettings settings : LOSSLESS) {
      for (boolean analysed : new boolean[] {false, true}) {
        for (boolean gradient : new boolean[] {false, true}) {
          Set<String> seen = run(picture, settings, analysed, false, gradient);
          assertTrue(gradient || !seen.contains("gradient"), "gradient only when configured");
          methods.addAll(seen);
        }
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
    Scene picture = new Scene(scene.pixels(WIDTH, HEIGHT, 11), format);
    Set<String> methods = new HashSet<>();
    for (EncodingSettings settings : List.of(EncodingSettings.DEFAULT,
        new EncodingSettings(-1, -1, null, 9, false))) {
      for (boolean analysed : new boolean[] {false, true}) {
        methods.addAll(run(picture, settings, analysed, true, false));
      }
    }
    assertEquals(scene == Corpus.SOLID ? Set.of("fill") : Set.of("fill", "png"), methods);
  }

  /** Encodes all test rectangles with one encoder; returns the methods the decoder saw. */
  static Set<String> run(Scene scene, EncodingSettings settings, boolean analysed, boolean png,
      boolean gradientFilter) {
    TestEncoderContext context = new TestEncoderContext();
    Encoder encoder = png ? new TightPngEncoderFactory(ImageIoJpegCompressor::new).create(context)
        : new TightEncoderFactory(ImageIoJpegCompressor::new, gradientFilter).create(context);
    encoder.configure(settings);
    SpecTightDecoder decoder = new SpecTightDecoder(scene.format, png
        ? SpecTightDecoder.Variant.TIGHT_PNG
        : settings.tightWithoutZlib() ? SpecTightDecoder.Variant.TIGHT_WITHOUT_ZLIB
        : SpecTightDecoder.Variant.TIGHT);
    Set<String> methods = new HashSet<>();
    List<Rect> rects = Corpus.testRects(WIDTH, HEIGHT);
    for (int i = 0; i < rects.size(); i++) {
      Rect rect = rects.get(i);
      CapturingOutput out = new CapturingOutput();
      encoder.encode(analysed ? scene.analysed.get(i) : scene.plain.get(i), out);
      SpecTightDecoder.Decoded decoded = decoder.decode(out.bytes(), rect.width(), rect.height());
      methods.add(decoded.method());
      scene.assertSeen(rect, decoded.rgb(),
          settings + (analysed ? " analysed " : " plain ") + rect + " " + decoded.method());
      if (settings.tightWithoutZlib() && settings.compressLevel() == 0) {
        assertTrue(!decoded.zlib(), "no zlib at level 0 for a -317 viewer");
      }
    }
    encoder.close();
    context.end();
    return methods;
  }

  /** A picture in one format: its requests, with and without analysis, and what a viewer sees. */
  static final class Scene {
    final PixelFormat format;
    final int[] picture;
    final int[] seen;
    final List<EncodeRequest> plain = new ArrayList<>();
    final List<EncodeRequest> analysed = new ArrayList<>();

    Scene(int[] picture, PixelFormat format) {
      this.format = format;
      this.picture = picture;
      SpecPixelWriter writer = Formats.writer(format);
      java.util.Map<Integer, Integer> cache = new java.util.HashMap<>();
      seen = new int[picture.length];
      for (int i = 0; i < picture.length; i++) {
        seen[i] = cache.computeIfAbsent(picture[i], c -> Formats.seen(format, c));
      }
      for (Rect rect : Corpus.testRects(WIDTH, HEIGHT)) {
        plain.add(TestRequests.plain(rect, picture, WIDTH, writer));
        analysed.add(TestRequests.analysed(rect, picture, WIDTH, writer, Palette.MAX_COLOURS,
            false));
      }
    }

    void assertSeen(Rect rect, int[] decoded, String what) {
      for (int y = 0; y < rect.height(); y++) {
        for (int x = 0; x < rect.width(); x++) {
          int at = (rect.y() + y) * WIDTH + rect.x() + x;
          int got = decoded[y * rect.width() + x];
          if (seen[at] != got) {
            throw new AssertionError(what + ": pixel (" + x + "," + y + ") 0x"
                + Integer.toHexString(picture[at]) + " seen as 0x" + Integer.toHexString(seen[at])
                + " but decoded 0x" + Integer.toHexString(got));
          }
        }
      }
    }
  }
}
