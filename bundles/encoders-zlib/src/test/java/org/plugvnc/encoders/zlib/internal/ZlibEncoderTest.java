package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.plugvnc.encoders.zlib.internal.Pictures.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;

/**
 * Zlib (rfbproto "zlib Encoding"): a U32 length and zlib data that inflates to the Raw encoding,
 * on one zlib stream per connection that a new encoder continues.
 */
class ZlibEncoderTest {

  static Encoder configured(TestEncoderContext context, EncodingSettings settings) {
    Encoder encoder = new ZlibEncoderFactory().create(context);
    encoder.configure(settings);
    return encoder;
  }

  @Test
  void inflatesToRawPixels() {
    int[] px = {0x112233, 0x445566};
    SpecZlibDecoder viewer = new SpecZlibDecoder();
    byte[] payload = Pictures.encode(configured(new TestEncoderContext(),
        EncodingSettings.DEFAULT), px, 2, Formats.RGB888_BE);
    viewer.decode(payload, 2, 1, Formats.RGB888_BE);
    assertArrayEquals(bytes(0, 0x11, 0x22, 0x33, 0, 0x44, 0x55, 0x66), viewer.lastInflated());
    byte[] little = Pictures.encode(configured(new TestEncoderContext(),
        EncodingSettings.DEFAULT), px, 2, Formats.RGB565_LE);
    viewer = new SpecZlibDecoder();
    viewer.decode(little, 2, 1, Formats.RGB565_LE);
    // 0x112233 -> r 2, g 8, b 6 -> 0x1106; 0x445566 -> r 8, g 21, b 12 -> 0x42AC.
    assertArrayEquals(bytes(0x06, 0x11, 0xAC, 0x42), viewer.lastInflated());
  }

  @Test
  void theLevelIsTwoUnlessTheViewerListedOne() {
    int[] picture = Corpus.FLAT_UI.pixels(60, 40, 1);
    for (int[] levels : new int[][] {{-1, 2}, {9, 9}, {0, 0}}) {
      SpecZlibDecoder viewer = new SpecZlibDecoder();
      byte[] payload = Pictures.encode(configured(new TestEncoderContext(),
          ZrleStreamTest.level(levels[0])), picture, 60, Formats.RGB888_LE);
      viewer.decode(payload, 60, 40, Formats.RGB888_LE);
      assertArrayEquals(ZlibStreams.fresh(levels[1], viewer.lastInflated()),
          ZlibStreams.zlibData(payload), "listed " + levels[0]);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Corpus.class, names = {"MIXED", "TEXT", "NOISE", "SOLID"})
  void everyRectangleAndFormatDecodesExactlyOnOneStream(Corpus scene) {
    SpecZlibDecoder viewer = new SpecZlibDecoder();
    RoundTrip trip = new RoundTrip(configured(new TestEncoderContext(), EncodingSettings.DEFAULT),
        viewer::decode, 127);
    trip.scene(scene, 17);
    assertEquals(Formats.ALL.size() * 10 * 2, trip.rectangles());
  }

  @Test
  void rowsWiderThanOneWriteAndRectanglesLargerThanOneBatch() {
    // 5000 pixels a row: written in pieces; 5000 x 20 at 32 bits is several 64 KiB batches.
    int width = 5000;
    int[] picture = Corpus.PHOTO.pixels(width, 20, 8);
    SpecZlibDecoder viewer = new SpecZlibDecoder();
    byte[] payload = Pictures.encode(configured(new TestEncoderContext(),
        EncodingSettings.DEFAULT), picture, width, Formats.RGB888_LE);
    int[] decoded = viewer.decode(payload, width, 20, Formats.RGB888_LE);
    assertArrayEquals(RoundTrip.seen(picture, Formats.RGB888_LE), decoded);
  }

  @Test
  void aNewEncoderContinuesTheStreamOfTheOldOne() {
    TestEncoderContext context = new TestEncoderContext();
    SpecZlibDecoder viewer = new SpecZlibDecoder();
    int[] picture = Corpus.MIXED.pixels(RoundTrip.WIDTH, RoundTrip.HEIGHT, 9);
    int[] seen = RoundTrip.seen(picture, Formats.BGR888_BE);
    List<Rect> rects = Corpus.testRects(RoundTrip.WIDTH, RoundTrip.HEIGHT);
    PixelFormat format = Formats.BGR888_BE;

    Encoder first = configured(context, EncodingSettings.DEFAULT);
    byte[] opening = Pictures.encode(first, picture, RoundTrip.WIDTH, rects.get(0), format);
    assertEquals(0x78, ZlibStreams.zlibData(opening)[0] & 0xFF, "a zlib header opens the stream");
    viewer.decode(opening, rects.get(0).width(), rects.get(0).height(), format);
    RoundTrip before = new RoundTrip(first, viewer::decode, 127);
    for (Rect rect : rects.subList(1, 5)) {
      before.rect(picture, seen, rect, format, false, "first encoder");
    }
    first.close();

    Encoder second = configured(context, ZrleStreamTest.level(9));
    byte[] next = Pictures.encode(second, picture, RoundTrip.WIDTH, rects.get(5), format);
    assertNotEquals(0x78, ZlibStreams.zlibData(next)[0] & 0xFF, "no second zlib header");
    int[] decoded = viewer.decode(next, rects.get(5).width(), rects.get(5).height(), format);
    assertEquals(seen[rects.get(5).y() * RoundTrip.WIDTH + rects.get(5).x()], decoded[0]);
    RoundTrip after = new RoundTrip(second, viewer::decode, 127);
    for (Rect rect : rects.subList(6, rects.size())) {
      after.rect(picture, seen, rect, format, true, "second encoder");
    }
    assertEquals(rects.size() - 6, after.rectangles());
  }
}
