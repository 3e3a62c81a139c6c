package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;
import org.plugvnc.testsupport.TestRequests;

/**
 * The round-trip matrix shared by the encoder tests: every Corpus scene at {@link #WIDTH} x
 * {@link #HEIGHT}, every format of {@link Formats#ALL}, every rectangle of
 * {@link Corpus#testRects}, each as a plain request and as one with the selector's analysis.
 */
final class Pictures {

  static final int WIDTH = 200;
  static final int HEIGHT = 150;
  private static final long SEED = 6143;
  /** The palette limit the analysed requests are classified with. */
  private static final int MAX_PALETTE = 16;

  private static final Map<Corpus, int[]> PICTURES = new EnumMap<>(Corpus.class);

  private Pictures() {}

  /** (scene, format) pairs: the parameters of the round-trip tests. */
  static Stream<Arguments> scenesAndFormats() {
    return Stream.of(Corpus.values())
        .flatMap(scene -> Formats.ALL.stream().map(format -> Arguments.of(scene, format)));
  }

  /** The scene's picture, made once per run. */
  static synchronized int[] picture(Corpus scene) {
    return PICTURES.computeIfAbsent(scene, s -> s.pixels(WIDTH, HEIGHT, SEED));
  }

  /** What a viewer in {@code format} sees of each pixel of {@code picture}. */
  static int[] seen(int[] picture, PixelFormat format) {
    int[] seen = new int[picture.length];
    for (int i = 0; i < picture.length; i++) {
      seen[i] = Formats.seen(format, picture[i]);
    }
    return seen;
  }

  /** A plain and an analysed request for each test rectangle of {@code picture}. */
  static List<EncodeRequest> requests(int[] picture, PixelFormat format) {
    SpecPixelWriter writer = Formats.writer(format);
    List<EncodeRequest> requests = new ArrayList<>();
    for (Rect rect : Corpus.testRects(WIDTH, HEIGHT)) {
      requests.add(TestRequests.plain(rect, picture, WIDTH, writer));
      requests.add(TestRequests.analysed(rect, picture, WIDTH, writer, MAX_PALETTE, false));
    }
    return requests;
  }

  /** Asserts that {@code decoded} (the request's rectangle, row by row) is what a viewer sees. */
  static void assertSeen(int[] seen, EncodeRequest request, int[] decoded, String what) {
    Rect rect = request.rect();
    String where = what + " " + rect + (request.content() == null ? " plain" : " analysed");
    assertEquals(rect.width() * rect.height(), decoded.length, where);
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        int expected = seen[(rect.y() + y) * WIDTH + rect.x() + x];
        int actual = decoded[y * rect.width() + x];
        if (expected != actual) {
          assertEquals(Integer.toHexString(expected), Integer.toHexString(actual),
              where + " pixel (" + x + "," + y + ")");
        }
      }
    }
  }
}
