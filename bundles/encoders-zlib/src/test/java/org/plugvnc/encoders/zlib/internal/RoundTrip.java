package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestRequests;

/**
 * Drives an encoder and a spec viewer over a corpus scene: every test rectangle in every format,
 * without and with the selector's analysis, all in sequence through the same encoder and viewer
 * (so one zlib stream carries them all), checking that the viewer sees exactly
 * {@link Formats#seen} of every pixel.
 */
final class RoundTrip {

  /** Picture size: ZRLE gets whole and partial 64x64 tiles, TRLE many 16x16 ones. */
  static final int WIDTH = 150;
  static final int HEIGHT = 100;

  private final Encoder encoder;
  private final Viewer viewer;
  private final int maxPalette;
  private long bytes;
  private int rectangles;

  /** {@code maxPalette}: the selector's palette limit, for analysed requests. */
  RoundTrip(Encoder encoder, Viewer viewer, int maxPalette) {
    this.encoder = encoder;
    this.viewer = viewer;
    this.maxPalette = maxPalette;
  }

  /** Every test rectangle of {@code scene} in every format, plain and analysed. */
  void scene(Corpus scene, long seed) {
    int[] picture = scene.pixels(WIDTH, HEIGHT, seed);
    for (PixelFormat format : Formats.ALL) {
      int[] expected = seen(picture, format);
      for (Rect rect : Corpus.testRects(WIDTH, HEIGHT)) {
        rect(picture, expected, rect, format, false, scene.name());
        rect(picture, expected, rect, format, true, scene.name());
      }
    }
  }

  /** Encodes and decodes one rectangle of {@code picture}; {@code expected} is what is seen. */
  void rect(int[] picture, int[] expected, Rect rect, PixelFormat format, boolean analysed,
      String what) {
    PixelWriter writer = Formats.writer(format);
    EncodeRequest request = analysed
        ? TestRequests.analysed(rect, picture, WIDTH, writer, maxPalette, false)
        : TestRequests.plain(rect, picture, WIDTH, writer);
    CapturingOutput out = new CapturingOutput();
    encoder.encode(request, out);
    byte[] payload = out.bytes();
    bytes += payload.length;
    rectangles++;
    int[] decoded = viewer.decode(payload, rect.width(), rect.height(), format);
    assertEquals(rect.width() * rect.height(), decoded.length);
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        int want = expected[(rect.y() + y) * WIDTH + rect.x() + x];
        if (decoded[y * rect.width() + x] != want) {
          fail(String.format("%s %s %s analysed=%b: pixel (%d,%d) is %06x, not %06x", what,
              format, rect, analysed, x, y, decoded[y * rect.width() + x], want));
        }
      }
    }
  }

  /** What a viewer in {@code format} sees of each pixel of {@code picture}. */
  static int[] seen(int[] picture, PixelFormat format) {
    Map<Integer, Integer> cache = new HashMap<>();
    int[] out = new int[picture.length];
    for (int i = 0; i < picture.length; i++) {
      out[i] = cache.computeIfAbsent(picture[i], c -> Formats.seen(format, c));
    }
    return out;
  }

  long bytes() {
    return bytes;
  }

  int rectangles() {
    return rectangles;
  }
}
