package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.testsupport.Formats;

/**
 * The encoding rules, row by row: which encoding each class of content goes to for real viewers'
 * SetEncodings lists, pixel formats and registered encoders. Expected plans are worked out by hand
 * from the rules as {@link EncodingPlan} states them (TigerVNC's EncodeManager in spirit).
 */
class EncodingPlanTest {

  private static final int RAW = 0;
  private static final int COPY = 1;
  private static final int RRE = 2;
  private static final int CORRE = 4;
  private static final int HEX = 5;
  private static final int ZLIB = 6;
  private static final int TIGHT = 7;
  private static final int TRLE = 15;
  private static final int ZRLE = 16;
  private static final int PNG = -260;
  /** A third-party encoding number the rules do not know. */
  private static final int OTHER = 1000;

  /** Every standard encoding registered (CopyRect too), Tight and TightPNG able to do JPEG. */
  private static final Map<Integer, EncoderFactory> ALL = factories(true, RAW, RRE, CORRE, HEX,
      ZLIB, TIGHT, TRLE, ZRLE, PNG);
  /** The same with a Tight that has no JPEG. */
  private static final Map<Integer, EncoderFactory> LOSSLESS_TIGHT = factories(false, RAW, RRE,
      CORRE, HEX, ZLIB, TIGHT, TRLE, ZRLE, PNG);
  /** No Tight of either kind. */
  private static final Map<Integer, EncoderFactory> NO_TIGHT = factories(false, RAW, RRE, CORRE,
      HEX, ZLIB, TRLE, ZRLE);
  /** Everything and a third-party encoder. */
  private static final Map<Integer, EncoderFactory> WITH_OTHER = factories(true, RAW, RRE, CORRE,
      HEX, ZLIB, TIGHT, TRLE, ZRLE, PNG, OTHER);
  /** Only the engine's Raw. */
  private static final Map<Integer, EncoderFactory> NONE = Map.of();

  /** TigerVNC 1.12's real encodings (preferred first, CopyRect, then descending). */
  private static final int[] TIGER = {TIGHT, COPY, ZRLE, HEX, RRE, RAW};
  /** TigerVNC's usual pseudo-encodings: cursor, sizes, LastRect, fence, quality 8, compress 2. */
  private static final int[] TIGER_PSEUDO = {-239, -223, -308, -224, -313, -312, -24, -254};
  /** noVNC 1.7: CopyRect, H.264, Tight, TightPNG, ZRLE, JPEG (21), Hextile, RRE, Zlib, Raw. */
  private static final int[] NOVNC = {COPY, 50, TIGHT, PNG, ZRLE, 21, HEX, RRE, ZLIB, RAW,
      -26, -254, -223, -224, -258, -308, -309, -312, -313, -307, -239};

  private static Stream<Arguments> rows() {
    return Stream.of(
        // Tight preferred takes every class; JPEG for full colour; past 96 colours JPEG wins.
        row("TigerVNC", concat(TIGER, TIGER_PSEUDO), ALL, PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, true, 96, true, true)),
        // At compression levels 0 and 1 JPEG wins from 24 colours (TigerVNC's exception).
        row("TigerVNC at compress level 1", concat(TIGER, new int[] {-24, -255}), ALL,
            PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, true, 24, true, true)),
        // -NoJPEG: no quality listed, so nothing lossy; Tight's palettes take up to 256 colours.
        row("TigerVNC -NoJPEG", concat(TIGER, new int[] {-239, -254}), ALL, PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, false, 256, true, true)),
        // A Tight encoder that is not lossy is never asked for JPEG, whatever the viewer says.
        row("Tight without JPEG registered", concat(TIGER, TIGER_PSEUDO), LOSSLESS_TIGHT,
            PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, false, 256, true, true)),
        // 16 bpp is deep enough for JPEG.
        row("TigerVNC in RGB565", concat(TIGER, TIGER_PSEUDO), ALL, Formats.RGB565_BE,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, true, 96, true, true)),
        // 8 bpp true colour is not (TigerVNC: 16 bpp or more).
        row("TigerVNC in BGR233", concat(TIGER, TIGER_PSEUDO), ALL, Formats.BGR233,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, false, 256, true, true)),
        // A colour map takes no JPEG, quality level or not.
        row("8-bit colour map with a quality", concat(TIGER, TIGER_PSEUDO), ALL,
            Formats.COLOUR_MAP_8,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, false, 256, true, true)),
        // CopyRect serves no pixels and H.264 has no encoder here: Tight is the first usable.
        row("noVNC", NOVNC, ALL, PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, true, 96, true, true)),
        // Without Tight, ZRLE comes first; fills go to RRE, which the viewer listed.
        row("noVNC, no Tight registered", NOVNC, NO_TIGHT, PixelFormat.RGB888,
            plan(RRE, ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, false, 127, true, true)),
        // Raw listed first: Raw for everything, no fills, no analysis (vncsnapshot hangs on Tight).
        row("vncsnapshot, Raw first",
            new int[] {RAW, COPY, TIGHT, HEX, ZLIB, CORRE, RRE, -224, -250}, ALL, PixelFormat.RGB888, plan(RAW, RAW, RAW, RAW, RAW, RAW, false, 2, false, false)),
        // One encoding for every class needs no classification; Hextile still sends fills cheaply.
        row("Hextile only", new int[] {HEX}, ALL, PixelFormat.RGB888,
            plan(HEX, HEX, HEX, HEX, HEX, HEX, false, 127, false, true)),
        // Hextile keeps long runs and full colour (no JPEG then); palettes to ZRLE; fills to Tight.
        row("Hextile first, then ZRLE and Tight", new int[] {HEX, ZRLE, TIGHT, RAW, -26}, ALL,
            PixelFormat.RGB888, plan(TIGHT, ZRLE, HEX, ZRLE, HEX, HEX, false, 127, true, true)),
        // ZRLE alone: every class, fills as ZRLE, 127 colours per tile palette.
        row("ZRLE only", new int[] {ZRLE}, ALL, PixelFormat.RGB888,
            plan(ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, false, 127, false, true)),
        // ZRLE first: Tight only for fills; full colour stays lossless ZRLE despite the quality.
        row("ZRLE first, Tight listed", new int[] {ZRLE, TIGHT, RAW, -26}, ALL, PixelFormat.RGB888,
            plan(TIGHT, ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, false, 127, true, true)),
        // RRE first: RRE for fills and long runs only; ZRLE for busy content.
        row("RRE first", new int[] {RRE, ZRLE, HEX, RAW}, ALL, PixelFormat.RGB888,
            plan(RRE, ZRLE, RRE, ZRLE, RRE, ZRLE, false, 127, true, true)),
        // RRE first with Tight and a quality: the open full-colour class goes to Tight as JPEG.
        row("RRE first, Tight and a quality", new int[] {RRE, TIGHT, ZRLE, RAW, -26}, ALL,
            PixelFormat.RGB888, plan(RRE, ZRLE, RRE, ZRLE, RRE, TIGHT, true, 96, true, true)),
        // CoRRE and nothing busy-capable listed: Raw for what CoRRE is bad at.
        row("CoRRE first", new int[] {CORRE, RAW}, ALL, PixelFormat.RGB888,
            plan(CORRE, RAW, CORRE, RAW, CORRE, RAW, false, 127, true, true)),
        // A third-party encoding the viewer prefers takes everything; fills unknown, no analysis.
        row("unknown third-party encoding first", new int[] {OTHER, ZRLE, RAW}, WITH_OTHER,
            PixelFormat.RGB888,
            plan(OTHER, OTHER, OTHER, OTHER, OTHER, OTHER, false, 127, false, false)),
        // Listed but not registered: skipped, the next listed one is preferred.
        row("unknown encoding first, no encoder", new int[] {OTHER, ZRLE, RAW}, ALL,
            PixelFormat.RGB888, plan(ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, ZRLE, false, 127, false, true)),
        // Zlib has no cheap fill: no fill search, Zlib for everything.
        row("Zlib only", new int[] {ZLIB}, ALL, PixelFormat.RGB888,
            plan(ZLIB, ZLIB, ZLIB, ZLIB, ZLIB, ZLIB, false, 127, false, false)),
        // Before any SetEncodings: Raw (RFC 6143 7.5.2).
        row("nothing listed", new int[0], ALL, PixelFormat.RGB888,
            plan(RAW, RAW, RAW, RAW, RAW, RAW, false, 2, false, false)),
        // Nothing listed is registered: the engine's own Raw.
        row("nothing usable", new int[] {ZRLE, HEX, -26}, NONE, PixelFormat.RGB888,
            plan(RAW, RAW, RAW, RAW, RAW, RAW, false, 2, false, false)),
        // CopyRect first serves no pixels: Hextile is the preferred pixel encoding.
        row("CopyRect first", new int[] {COPY, HEX}, ALL, PixelFormat.RGB888,
            plan(HEX, HEX, HEX, HEX, HEX, HEX, false, 127, false, true)),
        // TightPNG is planned like Tight, JPEG included.
        row("TightPNG first", new int[] {PNG, ZRLE, RAW, -26}, ALL, PixelFormat.RGB888,
            plan(PNG, PNG, PNG, PNG, PNG, PNG, true, 96, true, true)),
        // TurboVNC's fine quality alone says the viewer takes JPEG.
        row("fine quality only", new int[] {TIGHT, -432}, ALL, PixelFormat.RGB888,
            plan(TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, TIGHT, true, 96, true, true)),
        // TRLE like ZRLE: every class, fills as TRLE.
        row("TRLE first", new int[] {TRLE, RAW}, ALL, PixelFormat.RGB888,
            plan(TRLE, TRLE, TRLE, TRLE, TRLE, TRLE, false, 127, false, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void planFollowsTheRules(String rule, int[] list, Map<Integer, EncoderFactory> usable,
      PixelFormat format, EncodingPlan expected) {
    ClientSettings client = new ClientSettings(list);
    assertEquals(expected, EncodingPlan.of(client.encodings(), client.encodingSettings(), format,
        usable), rule + " " + Arrays.toString(list));
  }

  @Test
  void longRunsDecideBetweenTheRleAndThePlainClasses() {
    // RRE first: bitmap and indexed with long runs go to RRE, without to ZRLE. Long runs: at
    // least RLE_RUN pixels a run on average, so 10 runs over 120 pixels are long, 11 are not.
    EncodingPlan p = plan(RRE, ZRLE, RRE, HEX, RRE, TIGHT, false, 127, true, true);
    assertEquals(12, EncodingPlan.RLE_RUN);
    assertEquals(RRE, p.encodingFor(ContentClass.BITMAP, 10, 120));
    assertEquals(ZRLE, p.encodingFor(ContentClass.BITMAP, 11, 120));
    assertEquals(RRE, p.encodingFor(ContentClass.INDEXED, 10, 120));
    assertEquals(HEX, p.encodingFor(ContentClass.INDEXED, 11, 120));
    assertEquals(ZRLE, p.encodingFor(ContentClass.BITMAP, 0, 120), "0 runs: not counted");
    assertEquals(RRE, p.encodingFor(ContentClass.SOLID, 7, 120));
    assertEquals(TIGHT, p.encodingFor(ContentClass.FULL_COLOUR, 0, 120));
    assertEquals(TIGHT, p.encodingFor(ContentClass.FULL_COLOUR, 1, 1_000_000));
  }

  private static Arguments row(String rule, int[] list, Map<Integer, EncoderFactory> usable,
      PixelFormat format, EncodingPlan expected) {
    return Arguments.of(rule, list, usable, format, expected);
  }

  private static EncodingPlan plan(int solid, int bitmap, int bitmapRle, int indexed,
      int indexedRle, int full, boolean jpeg, int maxColours, boolean analyse, boolean fills) {
    return new EncodingPlan(solid, bitmap, bitmapRle, indexed, indexedRle, full, jpeg, maxColours,
        analyse, fills);
  }

  /** Factories for {@code encodings}, and CopyRect (which serves copies only) with them. */
  private static Map<Integer, EncoderFactory> factories(boolean tightLossy, int... encodings) {
    Map<Integer, EncoderFactory> m = new HashMap<>();
    m.put(COPY, TestFactory.of(COPY).forCopies());
    for (int e : encodings) {
      TestFactory f = TestFactory.of(e);
      if (tightLossy && (e == TIGHT || e == PNG)) {
        f.asLossy();
      }
      m.put(e, f);
    }
    return Map.copyOf(m);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
