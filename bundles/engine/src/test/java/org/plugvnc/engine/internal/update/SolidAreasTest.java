package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Corpus;

/**
 * The fill search: 16 x 16 blocks in scan order from the rectangle's corner, grown right and down,
 * kept from 2048 pixels on, never overlapping; rectangles of any size, offset and stride.
 */
class SolidAreasTest {

  private static final int A = 0x336699;
  private static final int B = 0xCC3300;

  @Test
  void rectanglesTooSmallForAFillHaveNone() {
    assertEquals(List.of(), find(new int[] {A}, 1, new Rect(0, 0, 1, 1)));
    // 45 x 45 = 2025 pixels of one colour: too little to be worth a rectangle of its own.
    assertEquals(List.of(), find(solid(45, 45, A), 45, new Rect(0, 0, 45, 45)));
    // 89 x 23 = 2047: one short.
    assertEquals(List.of(), find(solid(89, 23, A), 89, new Rect(0, 0, 89, 23)));
  }

  @Test
  void aSolidRectangleOfAnySizeIsOneFillToItsEdges() {
    int[][] sizes = {{64, 32}, {100, 30}, {2049, 1}, {1, 2048}, {17, 130}, {333, 77}};
    for (int[] size : sizes) {
      Rect r = new Rect(0, 0, size[0], size[1]);
      assertEquals(List.of(new SolidAreas.Fill(r, A)), find(solid(size[0], size[1], A), size[0], r),
          Arrays.toString(size));
    }
  }

  @Test
  void anAlignedSolidAreaInNoiseIsFoundExactly() {
    int[] px = Corpus.NOISE.pixels(200, 100, 3);
    paint(px, 200, new Rect(32, 16, 96, 48), A);
    List<SolidAreas.Fill> fills = find(px, 200, new Rect(0, 0, 200, 100));
    assertEquals(List.of(new SolidAreas.Fill(new Rect(32, 16, 96, 48), A)), fills);
  }

  @Test
  void fillsTouchingTheRightAndBottomEdgesOfAnOddRectangle() {
    // 70 x 70, noise in the first 6 columns, the rest solid: the search starts at the block in
    // column 16 and grows to both far edges; the columns 6 to 15 it does not grow back into.
    int[] px = solid(70, 70, A);
    int[] noise = Corpus.NOISE.pixels(6, 70, 4);
    for (int y = 0; y < 70; y++) {
      System.arraycopy(noise, y * 6, px, y * 70, 6);
    }
    assertEquals(List.of(new SolidAreas.Fill(Rect.ofCorners(16, 0, 70, 70), A)),
        find(px, 70, new Rect(0, 0, 70, 70)));
  }

  @Test
  void aBarAndAColumnOfOneColourBecomeTwoFillsThatDoNotOverlap() {
    // An L: a bar 160 x 16 on top of a column 16 x 160, in noise.
    int[] px = Corpus.NOISE.pixels(200, 200, 5);
    paint(px, 200, new Rect(0, 0, 160, 16), A);
    paint(px, 200, new Rect(0, 0, 16, 160), A);
    List<SolidAreas.Fill> fills = find(px, 200, new Rect(0, 0, 200, 200));
    assertEquals(2, fills.size(), fills.toString());
    assertFalse(fills.get(0).rect().intersects(fills.get(1).rect()));
    assertEquals(160 * 16 + 16 * 144, fills.get(0).rect().area() + fills.get(1).rect().area(),
        "together they cover the L exactly");
  }

  @Test
  void growingDownFirstWinsForATallColumn() {
    // A column 16 x 200 beside a solid strip 40 x 16 at its top: growing right first would stop
    // at 56 x 16 (896 pixels, no fill); growing down first keeps the whole column.
    int[] px = Corpus.NOISE.pixels(100, 200, 6);
    paint(px, 100, new Rect(0, 0, 16, 200), A);
    paint(px, 100, new Rect(16, 0, 40, 16), A);
    List<SolidAreas.Fill> fills = find(px, 100, new Rect(0, 0, 100, 200));
    assertEquals(new SolidAreas.Fill(new Rect(0, 0, 16, 200), A), fills.get(0));
  }

  @Test
  void twoColoursSideBySideAreTwoFills() {
    int[] px = solid(128, 64, A);
    paint(px, 128, new Rect(64, 0, 64, 64), B);
    assertEquals(List.of(new SolidAreas.Fill(new Rect(0, 0, 64, 64), A),
        new SolidAreas.Fill(new Rect(64, 0, 64, 64), B)), find(px, 128, new Rect(0, 0, 128, 64)));
  }

  @Test
  void theLimitIsRespected() {
    int[] px = solid(128, 64, A);
    paint(px, 128, new Rect(64, 0, 64, 64), B);
    assertEquals(List.of(new SolidAreas.Fill(new Rect(0, 0, 64, 64), A)),
        SolidAreas.find(px, 0, 128, new Rect(0, 0, 128, 64), 1));
    assertEquals(List.of(), SolidAreas.find(px, 0, 128, new Rect(0, 0, 128, 64), 0));
  }

  @Test
  void aRectangleInsideALargerArrayIsAddressedByOffsetAndStride() {
    // The searched rectangle is (10, 20) 80 x 40 of a 150-wide picture; framebuffer coordinates.
    int[] px = Corpus.NOISE.pixels(150, 100, 7);
    paint(px, 150, new Rect(10, 20, 80, 40), A);
    Rect r = new Rect(10, 20, 80, 40);
    assertEquals(List.of(new SolidAreas.Fill(r, A)), SolidAreas.find(px, 20 * 150 + 10, 150, r, 9));
    // Only the solid part of a larger search rectangle.
    Rect around = new Rect(10, 20, 100, 60);
    assertEquals(List.of(new SolidAreas.Fill(new Rect(10, 20, 80, 40), A)),
        SolidAreas.find(px, 20 * 150 + 10, 150, around, 9));
  }

  @Test
  void everyFillIsSolidLargeInsideAndDisjointOverTheCorpus() {
    for (Corpus scene : Corpus.values()) {
      int[] px = scene.pixels(300, 200, 8);
      for (Rect r : Corpus.testRects(300, 200)) {
        List<SolidAreas.Fill> fills = SolidAreas.find(px, r.y() * 300 + r.x(), 300, r, 512);
        for (int i = 0; i < fills.size(); i++) {
          SolidAreas.Fill f = fills.get(i);
          String what = scene + " " + r + " " + f;
          assertTrue(r.contains(f.rect()), what);
          assertTrue(f.rect().area() >= SolidAreas.MIN_AREA, what);
          for (int y = f.rect().y(); y < f.rect().bottom(); y++) {
            for (int x = f.rect().x(); x < f.rect().right(); x++) {
              assertEquals(f.colour(), px[y * 300 + x], what);
            }
          }
          for (int j = 0; j < i; j++) {
            assertFalse(fills.get(j).rect().intersects(f.rect()), what);
          }
        }
        if (scene == Corpus.SOLID) {
          assertEquals(r.area() >= SolidAreas.MIN_AREA ? 1 : 0, fills.size(), r.toString());
        }
      }
    }
  }

  private static List<SolidAreas.Fill> find(int[] px, int stride, Rect r) {
    return SolidAreas.find(px, 0, stride, r, 512);
  }

  private static int[] solid(int w, int h, int colour) {
    int[] px = new int[w * h];
    Arrays.fill(px, colour);
    return px;
  }

  private static void paint(int[] px, int width, Rect r, int colour) {
    for (int y = r.y(); y < r.bottom(); y++) {
      Arrays.fill(px, y * width + r.x(), y * width + r.right(), colour);
    }
  }
}
