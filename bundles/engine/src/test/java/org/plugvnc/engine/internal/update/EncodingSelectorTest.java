package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;

/**
 * How the selector cuts an update into pieces and which encoder each gets: fills for large solid
 * areas, pieces of at most 2048 x 32 (65536 pixels), classes by colour count and runs, JPEG only
 * for full colour outside the lossless refresh, and every encoder's limits respected.
 */
class EncodingSelectorTest {

  private static final PixelFormat RGB = PixelFormat.RGB888;
  private static final int TIGHT = Rfb.ENCODING_TIGHT;
  private static final int ZRLE = Rfb.ENCODING_ZRLE;
  private static final int RRE = Rfb.ENCODING_RRE;

  /** Tight with JPEG, ZRLE, Hextile, RRE, CoRRE (255 x 255), Zlib, CopyRect: a full set. */
  private static TestFactory.Registry standard() {
    return new TestFactory.Registry().put(TestFactory.of(TIGHT).asLossy(), TestFactory.of(ZRLE),
        TestFactory.of(Rfb.ENCODING_HEXTILE), TestFactory.of(RRE),
        TestFactory.of(Rfb.ENCODING_CORRE).limits(255, 255, 255 * 255),
        TestFactory.of(Rfb.ENCODING_ZLIB), TestFactory.of(Rfb.ENCODING_COPY_RECT).forCopies());
  }

  @Test
  void largeSolidAreasBecomeFillsAndSmallOnesDoNot() {
    int[] px = Corpus.NOISE.pixels(256, 128, 1);
    paint(px, 256, new Rect(32, 32, 64, 32), 0x123456); // 2048 pixels: a fill
    paint(px, 256, new Rect(160, 48, 44, 46), 0x654321); // 2024: left to the pixel encoders
    ArrayFramebuffer fb = new ArrayFramebuffer(256, 128, px);
    Selection s = new Selection(fb, List.of(new Rect(0, 0, 256, 128)), standard(), RGB,
        Region.EMPTY, ZRLE, TIGHT, 0).check("fills", true);
    List<EncodingSelector.Piece> solid = s.of(ContentClass.SOLID);
    assertEquals(1, solid.size(), solid.toString());
    assertEquals(new Rect(32, 32, 64, 32), solid.get(0).rect());
    assertEquals(TIGHT, solid.get(0).choice().encoding(), "fills go to the plan's solid encoding");
    assertEquals(0x123456, solid.get(0).content().palette()[0]);
  }

  @Test
  void withoutCheapFillsNoneAreSought() {
    ArrayFramebuffer fb = Corpus.SOLID.framebuffer(300, 200, 1);
    Selection s = new Selection(fb, List.of(new Rect(0, 0, 300, 200)), standard(), RGB,
        Region.EMPTY, Rfb.ENCODING_ZLIB).check("Zlib only", true);
    assertFalse(s.plan.findFills());
    assertTrue(s.of(ContentClass.SOLID).isEmpty(), "Zlib pays for a fill like for any pixels");
    assertTrue(s.pieces.stream().allMatch(p -> p.rect().area() <= EncodingSelector.SUB_MAX_AREA));
  }

  @Test
  void aSolidScreenIsOneFillWhateverItsSize() {
    ArrayFramebuffer fb = Corpus.SOLID.framebuffer(2500, 300, 1);
    Selection s = new Selection(fb, List.of(new Rect(0, 0, 2500, 300)), standard(), RGB,
        Region.EMPTY, TIGHT, 0).check("solid screen", true);
    assertEquals(1, s.pieces.size(), s.pieces.toString());
    assertEquals(new Rect(0, 0, 2500, 300), s.pieces.get(0).rect());
  }

  @Test
  void fillsAreCutToTheSolidEncodersLimitsAndStayExact() {
    ArrayFramebuffer fb = Corpus.SOLID.framebuffer(600, 300, 1);
    Selection s = new Selection(fb, List.of(new Rect(0, 0, 600, 300)), standard(), RGB,
        Region.EMPTY, Rfb.ENCODING_CORRE, 0).check("CoRRE fills", false);
    assertEquals(3 * 2, s.pieces.size(), s.pieces.toString());
    for (EncodingSelector.Piece p : s.pieces) {
      assertEquals(Rfb.ENCODING_CORRE, p.choice().encoding());
      assertTrue(p.rect().width() <= 255 && p.rect().height() <= 255, p.toString());
    }
  }

  @Test
  void everyClassGoesToThePlansEncoding() {
    // RRE first, Tight with JPEG, ZRLE: every class has its own way (EncodingPlanTest's row).
    int size = 64;
    List<int[]> pictures = List.of(
        stripes(size, 2, false), // two colours, short runs: bitmap -> ZRLE
        stripes(size, 2, true),  // two colours, one run a row: bitmap RLE -> RRE
        noise(size, 50, 2),      // 50 colours: indexed -> ZRLE
        stripes(size, 50, true), // 50 colours, one run a row: indexed RLE -> RRE
        noise(size, 96, 3),      // 96 colours: still a palette with JPEG at hand
        noise(size, 97, 4));     // 97: full colour, JPEG through Tight
    ContentClass[] kinds = {ContentClass.BITMAP, ContentClass.BITMAP, ContentClass.INDEXED,
      ContentClass.INDEXED, ContentClass.INDEXED, ContentClass.FULL_COLOUR};
    int[] encodings = {ZRLE, RRE, ZRLE, RRE, ZRLE, TIGHT};
    int width = size * pictures.size() + 40;
    int[] px = new int[width * size];
    List<Rect> rects = new ArrayList<>();
    for (int i = 0; i < pictures.size(); i++) {
      Rect r = new Rect(i * size, 0, size, size);
      blit(px, width, r, pictures.get(i));
      rects.add(r);
    }
    Rect smallSolid = new Rect(pictures.size() * size, 0, 40, 40); // 1600 px: classified, no fill
    paint(px, width, smallSolid, 0xABCDEF);
    rects.add(smallSolid);
    Selection s = new Selection(new ArrayFramebuffer(width, size, px), rects, standard(), RGB,
        Region.EMPTY, RRE, TIGHT, ZRLE, 0, -26).check("classes", true);
    assertEquals(96, s.plan.maxColours());
    assertEquals(rects.size(), s.pieces.size(), s.pieces.toString());
    for (int i = 0; i < pictures.size(); i++) {
      EncodingSelector.Piece p = s.pieces.get(i);
      assertEquals(rects.get(i), p.rect());
      assertEquals(kinds[i], p.content().kind(), "picture " + i);
      assertEquals(encodings[i], p.choice().encoding(), "picture " + i);
      assertEquals(kinds[i] == ContentClass.FULL_COLOUR, p.lossy(), "picture " + i);
    }
    EncodingSelector.Piece solid = s.pieces.get(pictures.size());
    assertEquals(ContentClass.SOLID, solid.content().kind());
    assertEquals(40, solid.content().runs(), "one run a row");
    assertEquals(RRE, solid.choice().encoding());
  }

  @Test
  void jpegOnlyForFullColourAndNeverForTheLosslessRefresh() {
    ArrayFramebuffer fb = Corpus.MIXED.framebuffer(400, 300, 5);
    Rect changed = new Rect(0, 0, 200, 300);
    Rect refresh = new Rect(200, 0, 200, 300);
    Selection s = new Selection(fb, List.of(changed, refresh), standard(), RGB,
        Region.of(refresh), TIGHT, ZRLE, 0, -26).check("refresh", true);
    assertTrue(s.pieces.stream().anyMatch(p -> p.lossy() && changed.contains(p.rect())),
        "the wallpaper photograph goes as JPEG where it changed");
    assertTrue(s.pieces.stream().noneMatch(p -> p.lossy() && refresh.contains(p.rect())));
    assertTrue(s.pieces.stream().anyMatch(p -> !p.lossy() && refresh.contains(p.rect())
        && p.content().kind() == ContentClass.FULL_COLOUR), "full colour, and still lossless");
    // A captured rectangle that only meets the refresh is sent losslessly as a whole.
    Selection meets = new Selection(fb, List.of(new Rect(0, 0, 400, 300)), standard(), RGB,
        Region.of(new Rect(390, 290, 10, 10)), TIGHT, 0, -26).check("meets", true);
    assertTrue(meets.pieces.stream().noneMatch(EncodingSelector.Piece::lossy));
    // No quality listed, a Tight without JPEG, or an 8-bit format: nothing lossy at all.
    TestFactory.Registry lossless = new TestFactory.Registry().put(TestFactory.of(TIGHT));
    for (Selection none : List.of(
        new Selection(fb, List.of(changed), standard(), RGB, Region.EMPTY, TIGHT, 0),
        new Selection(fb, List.of(changed), lossless, RGB, Region.EMPTY, TIGHT, 0, -26),
        new Selection(fb, List.of(changed), standard(), Formats.BGR233, Region.EMPTY, TIGHT,
            -26))) {
      none.check("no JPEG", true);
      assertTrue(none.pieces.stream().noneMatch(EncodingSelector.Piece::lossy));
    }
  }

  @Test
  void piecesCutForAnEncodersLimitsAreClassifiedAfresh() {
    // ZRLE limited to 100 x 100 gets a 200 x 100 piece of three colours; its right half has two.
    TestFactory.Registry reg = new TestFactory.Registry()
        .put(TestFactory.of(ZRLE).limits(100, 100, 10_000), TestFactory.of(TIGHT));
    int[] px = new int[200 * 100];
    blit(px, 200, new Rect(0, 0, 100, 100), noise(100, 3, 9));
    blit(px, 200, new Rect(100, 0, 100, 100), stripes(100, 2, false));
    Selection s = new Selection(new ArrayFramebuffer(200, 100, px),
        List.of(new Rect(0, 0, 200, 100)), reg, RGB, Region.EMPTY, ZRLE, TIGHT, 0)
        .check("re-cut", false);
    assertEquals(2, s.pieces.size(), s.pieces.toString());
    assertEquals(ContentClass.INDEXED, s.pieces.get(0).content().kind());
    assertEquals(ContentClass.BITMAP, s.pieces.get(1).content().kind());
    assertTrue(s.pieces.stream().allMatch(p -> p.choice().encoding() == ZRLE));
  }

  @Test
  void everySceneAndRectangleForEveryKindOfViewer() {
    TestFactory.Registry limited = new TestFactory.Registry()
        .put(TestFactory.of(ZRLE).limits(100, 70, 5000), TestFactory.of(TIGHT));
    Object[][] viewers = {
      {"TigerVNC", standard(), new int[] {TIGHT, 1, ZRLE, 5, RRE, 0, -24, -254}, true},
      {"ZRLE, Tight fills", standard(), new int[] {ZRLE, TIGHT, 0, -26}, true},
      {"RRE first", standard(), new int[] {RRE, ZRLE, 5, 0}, true},
      {"Hextile only", standard(), new int[] {5}, true},
      {"Raw first", standard(), new int[] {0, TIGHT, ZRLE}, true},
      {"CoRRE first", standard(), new int[] {Rfb.ENCODING_CORRE, ZRLE, 0}, false},
      {"ZRLE limited", limited, new int[] {ZRLE, TIGHT, 0}, false},
    };
    int[][] sizes = {{300, 250}, {2300, 90}};
    for (int[] size : sizes) {
      for (Corpus scene : Corpus.values()) {
        ArrayFramebuffer fb = scene.framebuffer(size[0], size[1], 7);
        List<Rect> rects = Corpus.testRects(size[0], size[1]);
        Region disjoint = Region.EMPTY;
        for (Rect r : rects.subList(1, rects.size())) {
          disjoint = disjoint.union(r);
        }
        for (Object[] v : viewers) {
          String what = v[0] + " " + scene + " " + size[0] + "x" + size[1];
          TestFactory.Registry reg = (TestFactory.Registry) v[1];
          int[] list = (int[]) v[2];
          boolean strict = (Boolean) v[3];
          for (Rect r : rects) {
            new Selection(fb, List.of(r), reg, RGB, Region.EMPTY, list)
                .check(what + " " + r, strict);
          }
          new Selection(fb, disjoint.rects(), reg, RGB, Region.EMPTY, list)
              .check(what + " several", strict);
        }
      }
    }
  }

  @Test
  void cutMakesPiecesWithinTheLimitsCoveringTheRectangleOnce() {
    Rect big = new Rect(3, 5, 100, 50);
    List<Rect> tiles = EncodingSelector.cut(big, 32, 16, Integer.MAX_VALUE);
    assertEquals(4 * 4, tiles.size());
    assertCovers(big, tiles, 32, 16, Integer.MAX_VALUE);
    assertEquals(List.of(new Rect(0, 0, 32, 16)),
        EncodingSelector.cut(new Rect(0, 0, 32, 16), 32, 16, Integer.MAX_VALUE), "fits: as it is");
    // TigerVNC's pieces: 2048 wide, then bands of whole rows within 65536 pixels.
    Rect wide = new Rect(0, 0, 3000, 100);
    List<Rect> pieces = EncodingSelector.cut(wide, 2048, Integer.MAX_VALUE, 65536);
    assertEquals(2 * 4, pieces.size(), pieces.toString());
    assertCovers(wide, pieces, 2048, Integer.MAX_VALUE, 65536);
    assertEquals(new Rect(0, 0, 2048, 32), pieces.get(0));
    // An area limit below the width: narrower pieces, never more pixels than the limit.
    Rect row = new Rect(7, 0, 10, 10);
    assertCovers(row, EncodingSelector.cut(row, Integer.MAX_VALUE, Integer.MAX_VALUE, 5),
        Integer.MAX_VALUE, Integer.MAX_VALUE, 5);
    assertCovers(row, EncodingSelector.cut(row, 1, 1, 1), 1, 1, 1);
  }

  @Test
  void thePlanIsMadeAgainOnlyWhenSomethingItDependsOnChanges() {
    TestFactory.Registry reg = standard();
    EncodingSelector selector = new EncodingSelector(new SessionEncoders(reg));
    ClientSettings client = new ClientSettings(new int[] {TIGHT, ZRLE, -26});
    EncodingPlan first = selector.plan(client, RGB);
    assertSame(first, selector.plan(client, RGB));
    assertSame(first, selector.plan(client, new PixelFormat(32, 24, false, true, 255, 255, 255,
        16, 8, 0)), "an equal format");
    EncodingPlan narrow = selector.plan(client, Formats.BGR233);
    assertNotSame(first, narrow);
    assertFalse(narrow.jpeg());
    assertEquals(first, selector.plan(new ClientSettings(new int[] {TIGHT, ZRLE, -26}), RGB));
    reg.remove(TIGHT);
    assertEquals(ZRLE, selector.plan(client, RGB).fullColour(), "Tight went away");
  }

  private static void assertCovers(Rect r, List<Rect> tiles, int maxW, int maxH, long maxArea) {
    Region covered = Region.EMPTY;
    long area = 0;
    for (Rect t : tiles) {
      assertTrue(!t.isEmpty() && r.contains(t), t.toString());
      assertTrue(t.width() <= maxW && t.height() <= maxH && t.area() <= maxArea, t.toString());
      covered = covered.union(t);
      area += t.area();
    }
    assertEquals(r.area(), area, "tiles overlap");
    assertEquals(Region.of(r), covered);
  }

  /** {@code colours} colours in rows (one a row) or in a checkerboard-like pattern. */
  private static int[] stripes(int size, int colours, boolean byRow) {
    int[] px = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        px[y * size + x] = 0x102030 * ((byRow ? y : x + y) % colours + 1) & 0xFFFFFF;
      }
    }
    return px;
  }

  /** Random pixels from exactly {@code colours} colours (each used at least once). */
  private static int[] noise(int size, int colours, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] palette = new int[colours];
    for (int i = 0; i < colours; i++) {
      palette[i] = (i * 0x050301 + 0x010101) & 0xFFFFFF;
    }
    int[] px = new int[size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = palette[i < colours ? i : rnd.nextInt(colours)];
    }
    return px;
  }

  private static void blit(int[] px, int width, Rect r, int[] picture) {
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(picture, y * r.width(), px, (r.y() + y) * width + r.x(), r.width());
    }
  }

  private static void paint(int[] px, int width, Rect r, int colour) {
    for (int y = r.y(); y < r.bottom(); y++) {
      java.util.Arrays.fill(px, y * width + r.x(), y * width + r.right(), colour);
    }
  }
}
