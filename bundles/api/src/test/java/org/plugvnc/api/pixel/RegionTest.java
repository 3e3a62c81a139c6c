package org.plugvnc.api.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Region operations checked against a brute-force set of pixels, with a fixed seed. */
class RegionTest {

  /** The model covers [-MARGIN, SIZE + MARGIN) on both axes. */
  private static final int SIZE = 24;
  private static final int MARGIN = 8;
  private static final int SPAN = SIZE + 2 * MARGIN;

  private static int bit(int x, int y) {
    return (y + MARGIN) * SPAN + (x + MARGIN);
  }

  private static BitSet pixels(Rect r) {
    BitSet s = new BitSet();
    for (int y = r.y(); y < r.bottom(); y++) {
      for (int x = r.x(); x < r.right(); x++) {
        s.set(bit(x, y));
      }
    }
    return s;
  }

  /** The pixel set of a region, failing if its rectangles are empty or overlap. */
  private static BitSet pixels(Region region) {
    BitSet s = new BitSet();
    for (Rect r : region.rects()) {
      assertFalse(r.isEmpty(), "empty rectangle " + r + " in " + region);
      BitSet p = pixels(r);
      if (p.intersects(s)) {
        fail("rectangles overlap in " + region);
      }
      s.or(p);
    }
    return s;
  }

  private static void assertModel(BitSet expected, Region actual, String step) {
    assertEquals(expected, pixels(actual), step);
    assertEquals(expected.cardinality(), actual.area(), step);
    assertEquals(expected.isEmpty(), actual.isEmpty(), step);
  }

  private static Rect randomRect(Random random) {
    int x = random.nextInt(SIZE + 4) - 4;
    int y = random.nextInt(SIZE + 4) - 4;
    return new Rect(x, y, random.nextInt(12) - 1, random.nextInt(12) - 1);
  }

  /** A random region built from random unions and subtractions, with its model. */
  private static Region randomRegion(Random random, BitSet model) {
    Region r = Region.EMPTY;
    int steps = 1 + random.nextInt(8);
    for (int i = 0; i < steps; i++) {
      Rect rect = randomRect(random);
      if (random.nextInt(3) == 0) {
        r = r.subtract(rect);
        model.andNot(pixels(rect));
      } else {
        r = r.union(rect);
        model.or(pixels(rect));
      }
      assertModel(model, r, "building, step " + i + " with " + rect);
    }
    return r;
  }

  @Test
  void rectOperationsMatchThePixelModel() {
    Random random = new Random(20240601);
    for (int round = 0; round < 400; round++) {
      BitSet model = new BitSet();
      Region region = randomRegion(random, model);
      Rect r = randomRect(random);
      BitSet u = (BitSet) model.clone();
      u.or(pixels(r));
      assertModel(u, region.union(r), "union " + r + " into " + region);
      BitSet s = (BitSet) model.clone();
      s.andNot(pixels(r));
      assertModel(s, region.subtract(r), "subtract " + r + " from " + region);
      BitSet i = (BitSet) model.clone();
      i.and(pixels(r));
      assertModel(i, region.intersect(r), "intersect " + region + " with " + r);
    }
  }

  @Test
  void regionOperationsMatchThePixelModel() {
    Random random = new Random(6143);
    for (int round = 0; round < 300; round++) {
      BitSet ma = new BitSet();
      BitSet mb = new BitSet();
      Region a = randomRegion(random, ma);
      Region b = randomRegion(random, mb);
      BitSet u = (BitSet) ma.clone();
      u.or(mb);
      assertModel(u, a.union(b), a + " union " + b);
      BitSet s = (BitSet) ma.clone();
      s.andNot(mb);
      assertModel(s, a.subtract(b), a + " subtract " + b);
      BitSet i = (BitSet) ma.clone();
      i.and(mb);
      assertModel(i, a.intersect(b), a + " intersect " + b);
      assertEquals(u.equals(ma), a.union(b).equals(a));
    }
  }

  @Test
  void translateMovesEveryPixel() {
    Random random = new Random(7);
    for (int round = 0; round < 100; round++) {
      BitSet model = new BitSet();
      Region region = randomRegion(random, model);
      int dx = random.nextInt(7) - 3;
      int dy = random.nextInt(7) - 3;
      BitSet moved = new BitSet();
      for (Rect r : region.rects()) {
        moved.or(pixels(r.translate(dx, dy)));
      }
      assertModel(moved, region.translate(dx, dy), region + " by " + dx + "," + dy);
      assertEquals(region, region.translate(dx, dy).translate(-dx, -dy));
    }
  }

  @Test
  void simplifiedCoversEveryPixelWithAtMostNDisjointRectangles() {
    Random random = new Random(99);
    for (int round = 0; round < 300; round++) {
      BitSet model = new BitSet();
      Region region = randomRegion(random, model);
      for (int n = 1; n <= 6; n++) {
        Region s = region.simplified(n);
        BitSet covered = pixels(s); // also checks disjointness
        BitSet missing = (BitSet) model.clone();
        missing.andNot(covered);
        assertTrue(missing.isEmpty(), region + " simplified(" + n + ") = " + s + " loses pixels");
        assertTrue(s.rects().size() <= n,
            region + " simplified(" + n + ") has " + s.rects().size() + " rectangles: " + s);
      }
    }
  }

  @Test
  void simplifiedWithEnoughRoomIsUnchanged() {
    Region r = Region.of(new Rect(0, 0, 2, 2)).union(new Rect(5, 5, 2, 2));
    assertEquals(r, r.simplified(2));
    assertEquals(Region.of(new Rect(0, 0, 7, 7)), r.simplified(1));
  }

  @Test
  void simplifiedTooManyAfterMergingOverlaps() {
    // A plus sign: merging two arms makes a box that cuts the third; the result must still fit.
    Region plus = Region.of(new Rect(4, 0, 2, 10)).union(new Rect(0, 4, 10, 2));
    Region l = plus.union(new Rect(12, 12, 1, 1)).union(new Rect(0, 12, 1, 1));
    for (int n = 1; n <= 4; n++) {
      Region s = l.simplified(n);
      assertTrue(s.rects().size() <= n, "simplified(" + n + ") = " + s);
      assertTrue(l.subtract(s).isEmpty());
    }
  }

  @Test
  void emptyRegionAndEmptyRects() {
    assertTrue(Region.EMPTY.isEmpty());
    assertEquals(0, Region.EMPTY.area());
    assertTrue(Region.of(new Rect(3, 3, 0, 5)).isEmpty());
    assertTrue(Region.of(new Rect(3, 3, 5, -1)).isEmpty());
    assertTrue(Region.EMPTY.bounds().isEmpty());
    assertTrue(Region.EMPTY.union(new Rect(1, 1, -2, 4)).isEmpty());
    Region one = Region.of(new Rect(1, 2, 3, 4));
    assertEquals(one, one.subtract(new Rect(0, 0, 0, 0)));
    assertEquals(new Rect(1, 2, 3, 4), one.bounds());
  }

  @Test
  void boundsCoversAllRectangles() {
    Region r = Region.of(new Rect(2, 3, 1, 1)).union(new Rect(10, 1, 2, 2)).union(new Rect(-1, 7, 1, 1));
    assertEquals(Rect.ofCorners(-1, 1, 12, 8), r.bounds());
  }

  @Test
  void equalPixelSetsAreEqualWhateverTheirRectangles() {
    Region a = Region.of(new Rect(0, 0, 4, 2)).union(new Rect(0, 2, 4, 2));
    Region b = Region.of(new Rect(0, 0, 2, 4)).union(new Rect(2, 0, 2, 4));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, b.subtract(new Rect(3, 3, 1, 1)));
    assertNotEquals(a, Region.of(new Rect(0, 0, 4, 5)));
    assertNotEquals(a, "not a region");
  }

  @Test
  void rectsAreUnmodifiable() {
    List<Rect> rects = Region.of(new Rect(0, 0, 1, 1)).union(new Rect(5, 5, 1, 1)).rects();
    assertThrows(UnsupportedOperationException.class, () -> rects.add(new Rect(9, 9, 1, 1)));
  }

  @Test
  void operationsDoNotChangeTheirOperands() {
    Region a = Region.of(new Rect(0, 0, 10, 10));
    Region before = Region.of(new Rect(0, 0, 10, 10));
    a.subtract(new Rect(2, 2, 3, 3));
    a.union(new Rect(20, 20, 1, 1));
    a.intersect(new Rect(5, 5, 1, 1));
    a.translate(3, 3);
    a.simplified(1);
    assertEquals(before, a);
    assertEquals(1, a.rects().size());
  }
}
