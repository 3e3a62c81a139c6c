package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * ZRLE through a viewer written from the spec: the whole corpus in every format on one zlib
 * stream, a second encoder continuing the first one's stream, and the compression level.
 */
class ZrleStreamTest {

  static EncodingSettings level(int compressLevel) {
    return new EncodingSettings(-1, -1, null, compressLevel, false);
  }

  static Encoder configured(TestEncoderContext context, EncodingSettings settings) {
    Encoder encoder = new ZrleEncoderFactory().create(context);
    encoder.configure(settings);
    return encoder;
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void everySceneRectangleAndFormatDecodesExactlyOnOneStream(Corpus scene) {
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    RoundTrip trip = new RoundTrip(configured(new TestEncoderContext(), EncodingSettings.DEFAULT),
        viewer::decode, 127);
    trip.scene(scene, 11);
    assertEquals(Formats.ALL.size() * 10 * 2, trip.rectangles());
  }

  @Test
  void theFormatsWithOtherCpixelsDecodeExactly() {
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    RoundTrip trip = new RoundTrip(configured(new TestEncoderContext(), EncodingSettings.DEFAULT),
        viewer::decode, 127);
    for (PixelFormat format : List.of(CpixelTest.HIGH_LE, CpixelTest.HIGH_BE,
        CpixelTest.MIDDLE_LE, CpixelTest.MIDDLE_BE, CpixelTest.SPREAD, CpixelTest.DEPTH_32,
        CpixelTest.MAP_32)) {
      for (Corpus scene : List.of(Corpus.MIXED, Corpus.FLAT_UI, Corpus.PHOTO)) {
        int[] picture = scene.pixels(RoundTrip.WIDTH, RoundTrip.HEIGHT, 3);
        int[] seen = RoundTrip.seen(picture, format);
        for (Rect rect : Corpus.testRects(RoundTrip.WIDTH, RoundTrip.HEIGHT)) {
          trip.rect(picture, seen, rect, format, false, scene.name());
        }
      }
    }
    assertEquals(7 * 3 * 10, trip.rectangles());
  }

  @Test
  void theCorpusUsesEverySubencoding() {
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    Set<Integer> kinds = new TreeSet<>();
    RoundTrip trip = new RoundTrip(configured(new TestEncoderContext(), EncodingSettings.DEFAULT),
        (payload, w, h, format) -> {
          int[] image = viewer.decode(payload, w, h, format);
          viewer.subencodings().forEach(t -> kinds.add(t <= 1 || t == 128 ? t : t < 128 ? 2 : 130));
          return image;
        }, 127);
    for (Corpus scene : Corpus.values()) {
      trip.scene(scene, 5);
    }
    assertEquals(Set.of(0, 1, 2, 128, 130), kinds, "raw, solid, packed, plain RLE, palette RLE");
  }

  @Test
  void aNewEncoderContinuesTheStreamOfTheOldOne() {
    TestEncoderContext context = new TestEncoderContext();
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    int[] picture = Corpus.MIXED.pixels(RoundTrip.WIDTH, RoundTrip.HEIGHT, 9);
    List<Rect> rects = Corpus.testRects(RoundTrip.WIDTH, RoundTrip.HEIGHT);
    PixelFormat format = Formats.RGB888_LE;
    int[] seen = RoundTrip.seen(picture, format);

    Encoder first = configured(context, EncodingSettings.DEFAULT);
    byte[] opening = Pictures.encode(first, picture, RoundTrip.WIDTH, rects.get(0), format);
    assertEquals(0x78, ZlibStreams.zlibData(opening)[0] & 0xFF, "a zlib header opens the stream");
    viewer.decode(opening, rects.get(0).width(), rects.get(0).height(), format);
    RoundTrip before = new RoundTrip(first, viewer::decode, 127);
    for (Rect rect : rects.subList(1, 5)) {
      before.rect(picture, seen, rect, format, false, "first encoder");
    }
    first.close();

    Encoder second = configured(context, level(6));
    byte[] next = Pictures.encode(second, picture, RoundTrip.WIDTH, rects.get(5), format);
    assertNotEquals(0x78, ZlibStreams.zlibData(next)[0] & 0xFF, "no second zlib header");
    viewer.decode(next, rects.get(5).width(), rects.get(5).height(), format);
    RoundTrip after = new RoundTrip(second, viewer::decode, 127);
    for (Rect rect : rects.subList(6, rects.size())) {
      after.rect(picture, seen, rect, format, true, "second encoder");
    }
    assertEquals(rects.size() - 6, after.rectangles());
  }

  @Test
  void theLevelIsTwoUnlessTheViewerListedOne() {
    int[] picture = Corpus.TEXT.pixels(96, 80, 2);
    for (int[] levels : new int[][] {{-1, 2}, {9, 9}, {1, 1}}) {
      SpecZrleDecoder viewer = new SpecZrleDecoder();
      byte[] payload = Pictures.encode(configured(new TestEncoderContext(), level(levels[0])),
          picture, 96, Formats.RGB888_LE);
      viewer.decode(payload, 96, 80, Formats.RGB888_LE);
      byte[] tiles = viewer.lastInflated();
      assertArrayEquals(ZlibStreams.fresh(levels[1], tiles), ZlibStreams.zlibData(payload),
          "listed " + levels[0]);
      assertFalse(Arrays.equals(ZlibStreams.fresh(6, tiles),
          ZlibStreams.fresh(levels[1], tiles)), "the picture tells the levels apart");
    }
  }

  @Test
  void aLevelChangeBetweenRectanglesKeepsTheStream() {
    TestEncoderContext context = new TestEncoderContext();
    Encoder encoder = configured(context, EncodingSettings.DEFAULT);
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    int[] picture = Corpus.FLAT_UI.pixels(RoundTrip.WIDTH, RoundTrip.HEIGHT, 4);
    int[] seen = RoundTrip.seen(picture, Formats.RGB888_BE);
    RoundTrip trip = new RoundTrip(encoder, viewer::decode, 127);
    Rect whole = new Rect(0, 0, RoundTrip.WIDTH, RoundTrip.HEIGHT);
    for (int level : new int[] {2, 9, 0, 5, -1, 0}) {
      encoder.configure(level(level));
      long before = trip.bytes();
      trip.rect(picture, seen, whole, Formats.RGB888_BE, false, "level " + level);
      long zlibBytes = trip.bytes() - before - 4;
      if (level == 0) {
        assertTrue(zlibBytes > viewer.lastInflated().length, "stored blocks at level 0");
      } else {
        assertTrue(zlibBytes < viewer.lastInflated().length / 2, "compressed at level " + level);
      }
    }
  }

  @Test
  void rawTilesBetweenOtherTilesDecodeAtEveryLevel() {
    // 64x64 tiles alternating noise (raw, deflated as literals) and text (palette RLE).
    int width = 64 * 6;
    int height = 128;
    int[] noise = Corpus.NOISE.pixels(width, height, 1);
    int[] text = Corpus.TEXT.pixels(width, height, 1);
    int[] picture = new int[width * height];
    for (int i = 0; i < picture.length; i++) {
      boolean rawTile = ((i % width) / 64 + (i / width) / 64) % 2 == 0;
      picture[i] = rawTile ? noise[i] : text[i];
    }
    int[] seen = RoundTrip.seen(picture, Formats.RGB888_LE);
    SpecZrleDecoder viewer = new SpecZrleDecoder();
    Encoder encoder = configured(new TestEncoderContext(), EncodingSettings.DEFAULT);
    for (int level : new int[] {2, 0, 1, 9, -1}) {
      encoder.configure(level(level));
      byte[] payload = Pictures.encode(encoder, picture, width, Formats.RGB888_LE);
      assertArrayEquals(seen, viewer.decode(payload, width, height, Formats.RGB888_LE));
      assertEquals(List.of(0, 130, 0, 130, 0, 130, 130, 0, 130, 0, 130, 0),
          viewer.subencodings().stream().map(t -> t < 130 ? t : 130).toList());
    }
  }
}
