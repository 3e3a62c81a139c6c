package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.TestRequests;

/**
 * Classification as {@link RectContent} defines it: colours in order of first appearance row by
 * row, runs counted row by row and never across rows, full colour past the limit.
 */
class RectAnalysisTest {

  private static final int A = 0x000000;
  private static final int B = 0xFFFFFF;
  private static final int C = 0x00FF00;

  private final RectAnalysis analysis = new RectAnalysis();

  @Test
  void paletteInOrderOfFirstAppearanceRowByRow() {
    // B A A
    // C A B
    RectContent c = analysis.analyse(new int[] {B, A, A, C, A, B}, 0, 3, 3, 2, 256, false);
    assertEquals(ContentClass.INDEXED, c.kind());
    assertArrayEquals(new int[] {B, A, C}, c.palette());
    assertEquals(2 + 3, c.runs());
    assertFalse(c.jpeg());
  }

  @Test
  void runsNeverContinueOntoTheNextRow() {
    // One colour, three rows: three runs.
    RectContent solid = analysis.analyse(new int[] {C, C, C, C, C, C}, 0, 2, 2, 3, 256, true);
    assertEquals(ContentClass.SOLID, solid.kind());
    assertArrayEquals(new int[] {C}, solid.palette());
    assertEquals(3, solid.runs());
    assertFalse(solid.jpeg(), "JPEG is asked for full colour only");
    // A A B / B B A: the B that ends row 0 and the B that starts row 1 are two runs.
    RectContent two = analysis.analyse(new int[] {A, A, B, B, B, A}, 0, 3, 3, 2, 256, false);
    assertEquals(ContentClass.BITMAP, two.kind());
    assertArrayEquals(new int[] {A, B}, two.palette());
    assertEquals(4, two.runs());
    RectContent one = analysis.analyse(new int[] {B}, 0, 1, 1, 1, 2, false);
    assertEquals(new RectContent(ContentClass.SOLID, one.palette(), 1, false), one);
  }

  @Test
  void fullColourPastTheLimit() {
    int[] px = {A, B, C, 0x123456, 0x654321};
    RectContent four = analysis.analyse(px, 0, 5, 4, 1, 4, false);
    assertEquals(ContentClass.INDEXED, four.kind(), "exactly the limit: still a palette");
    assertEquals(4, four.palette().length);
    RectContent five = analysis.analyse(px, 0, 5, 5, 1, 4, true);
    assertEquals(ContentClass.FULL_COLOUR, five.kind());
    assertEquals(0, five.palette().length);
    assertEquals(0, five.runs(), "not counted");
    assertTrue(five.jpeg(), "asked for");
    assertEquals(Integer.MAX_VALUE, five.colours());
    assertFalse(analysis.analyse(px, 0, 5, 5, 1, 4, false).jpeg());
    assertEquals(ContentClass.BITMAP, analysis.analyse(px, 0, 5, 2, 1, 2, false).kind());
    assertEquals(ContentClass.FULL_COLOUR, analysis.analyse(px, 0, 5, 3, 1, 2, false).kind());
  }

  @Test
  void twoHundredAndFiftySixColoursAreAPaletteAndOneMoreIsNot() {
    int[] px = new int[257];
    for (int i = 0; i < 256; i++) {
      px[i] = i * 0x010101; // 256 distinct grey levels
    }
    px[256] = 0xFE0000;
    RectContent c256 = analysis.analyse(px, 0, 256, 256, 1, RectAnalysis.MAX_COLOURS, false);
    assertEquals(ContentClass.INDEXED, c256.kind());
    assertEquals(256, c256.palette().length);
    assertEquals(px[255], c256.palette()[255]);
    RectContent c257 = analysis.analyse(px, 0, 257, 257, 1, RectAnalysis.MAX_COLOURS, false);
    assertEquals(ContentClass.FULL_COLOUR, c257.kind());
  }

  @Test
  void offsetAndStrideSelectTheRectangleAndNothingElse() {
    // A 4 x 3 picture; the analysed 2 x 2 at (1, 1) holds only A and C.
    int[] px = {
      B, B, B, B,
      B, A, C, B,
      B, C, C, B,
    };
    RectContent c = analysis.analyse(px, 5, 4, 2, 2, 256, false);
    assertArrayEquals(new int[] {A, C}, c.palette());
    assertEquals(3, c.runs());
  }

  @Test
  void stateIsResetBetweenRectangles() {
    int[] many = Corpus.NOISE.pixels(64, 64, 1);
    assertEquals(ContentClass.FULL_COLOUR,
        analysis.analyse(many, 0, 64, 64, 64, 256, false).kind());
    RectContent after = analysis.analyse(new int[] {C, A}, 0, 2, 2, 1, 256, false);
    assertArrayEquals(new int[] {C, A}, after.palette(), "nothing left from the rectangle before");
    assertEquals(2, after.runs());
  }

  @Test
  void agreesWithAnIndependentCountOverTheCorpus() {
    for (Corpus scene : Corpus.values()) {
      int[] px = scene.pixels(200, 150, 2);
      for (Rect r : Corpus.testRects(200, 150)) {
        for (int max : new int[] {2, 24, 96, 127, 256}) {
          RectContent got = analysis.analyse(px, r.y() * 200 + r.x(), 200, r.width(), r.height(),
              max, true);
          RectContent want = TestRequests.analysed(r, px, 200, null, max, false).content();
          String what = scene + " " + r + " max " + max;
          assertEquals(want.kind(), got.kind(), what);
          assertEquals(want.kind() == ContentClass.FULL_COLOUR, got.jpeg(), what);
          if (want.kind() != ContentClass.FULL_COLOUR) {
            assertArrayEquals(want.palette(), got.palette(), what);
            assertEquals(want.runs(), got.runs(), what);
          }
        }
      }
    }
  }
}
