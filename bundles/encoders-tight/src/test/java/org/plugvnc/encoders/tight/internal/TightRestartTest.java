package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * A session that keeps its {@link TestEncoderContext} while its Tight encoder is replaced (the
 * bundle updated): the new encoder resets each stream on first use, so one viewer follows both
 * encoders exactly, even though the old encoder compressed a rectangle the viewer never got. Also:
 * compression levels changed between rectangles need no reset.
 */
class TightRestartTest {

  static final int WIDTH = TightRoundTripTest.WIDTH;
  static final int HEIGHT = TightRoundTripTest.HEIGHT;

  /** A photo on the left, two-colour stripes in the middle, five colours on the right. */
  private final TightRoundTripTest.Scene scene = new TightRoundTripTest.Scene(picture(),
      Formats.RGB888_LE);
  /** Full colour (stream 0), mono (stream 1), indexed (stream 2), and all three at once. */
  private final List<Rect> rects = List.of(new Rect(0, 0, 32, 40), new Rect(32, 0, 32, 40),
      new Rect(64, 0, 32, 40), new Rect(2, 41, 30, 20), new Rect(40, 50, 20, 30),
      new Rect(70, 45, 26, 35), new Rect(0, 0, WIDTH, HEIGHT));

  @Test
  void aNewEncoderResetsEachStreamOnFirstUseAndTheViewerFollows() {
    TestEncoderContext context = new TestEncoderContext();
    TightEncoderFactory factory = new TightEncoderFactory(ImageIoJpegCompressor::new, false);
    SpecTightDecoder viewer =
        new SpecTightDecoder(Formats.RGB888_LE, SpecTightDecoder.Variant.TIGHT);
    SpecTightDecoder trusting = new SpecTightDecoder(Formats.RGB888_LE,
        SpecTightDecoder.Variant.TIGHT);

    Encoder first = factory.create(context);
    int firstResets = 0;
    for (Rect rect : rects) {
      byte[] payload = encode(first, rect);
      firstResets |= decodeBoth(viewer, trusting, payload, rect);
    }
    assertEquals(0x7, firstResets, "the first encoder used and reset streams 0, 1 and 2");
    // Compressed on every stream, then lost: the update never went out before the bundle stopped.
    for (Rect rect : rects) {
      encode(first, rect);
    }
    first.close();

    Encoder second = factory.create(context);
    int secondResets = 0;
    boolean trustingFailed = false;
    for (Rect rect : rects) {
      byte[] payload = encode(second, rect);
      int resets = payload[0] & 0x0F;
      assertEquals(0, resets & secondResets, "a stream is reset only on its first use");
      secondResets |= resets;
      SpecTightDecoder.Decoded d = viewer.decode(payload, rect.width(), rect.height());
      scene.assertSeen(rect, d.rgb(), "after the restart: " + rect + " " + d.method());
      // A viewer told nothing (reset bits cleared) cannot follow the new streams.
      byte[] untold = payload.clone();
      untold[0] &= (byte) 0xF0;
      if (resets != 0) {
        assertThrows(AssertionError.class,
            () -> trusting.decode(untold, rect.width(), rect.height()));
        trustingFailed = true;
      }
    }
    assertEquals(0x7, secondResets, "the second encoder reset streams 0, 1 and 2");
    assertTrue(trustingFailed);
    second.close();
    context.end();
  }

  @Test
  void compressionLevelsChangeMidStreamWithoutResets() {
    TestEncoderContext context = new TestEncoderContext();
    Encoder encoder = new TightEncoderFactory(ImageIoJpegCompressor::new, true).create(context);
    // With the gradient filter, full colour uses stream 3 and mixes with streams 1 and 2.
    SpecTightDecoder viewer =
        new SpecTightDecoder(Formats.RGB888_LE, SpecTightDecoder.Variant.TIGHT);
    int[] levels = {9, 1, 0, 6, 2, 0, 9, 3};
    int resets = 0;
    for (int round = 0; round < levels.length; round++) {
      encoder.configure(new EncodingSettings(-1, -1, null, levels[round], false));
      for (Rect rect : rects) {
        byte[] payload = encode(encoder, rect);
        assertEquals(0, resets & payload[0] & 0x0F, "no second reset at level " + levels[round]);
        resets |= payload[0] & 0x0F;
        SpecTightDecoder.Decoded d = viewer.decode(payload, rect.width(), rect.height());
        scene.assertSeen(rect, d.rgb(), "level " + levels[round] + " " + rect);
      }
    }
    context.end();
  }

  private static int[] picture() {
    int[] photo = Corpus.PHOTO.pixels(WIDTH, HEIGHT, 9);
    int[] five = {0x000000, 0xFFFFFF, 0x336699, 0xCC3300, 0x00AA55};
    int[] px = new int[WIDTH * HEIGHT];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        px[y * WIDTH + x] = x < 32 ? photo[y * WIDTH + x]
            : x < 64 ? ((x + y / 3) % 4 == 0 ? 0x202020 : 0xF0F0E0)
            : five[(x * 3 + y * 7) % 5];
      }
    }
    return px;
  }

  private byte[] encode(Encoder encoder, Rect rect) {
    CapturingOutput out = new CapturingOutput();
    encoder.encode(
        TestRequests.plain(rect, scene.picture, WIDTH, Formats.writer(Formats.RGB888_LE)), out);
    return out.bytes();
  }

  private int decodeBoth(SpecTightDecoder a, SpecTightDecoder b, byte[] payload, Rect rect) {
    SpecTightDecoder.Decoded d = a.decode(payload, rect.width(), rect.height());
    scene.assertSeen(rect, d.rgb(), rect + " " + d.method());
    b.decode(payload, rect.width(), rect.height());
    return d.resetBits();
  }
}
