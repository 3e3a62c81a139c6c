package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** Damage and copy bookkeeping of one viewer, scenario by scenario. */
class UpdateTrackerTest {

  private final UpdateTracker tracker = new UpdateTracker();

  private static Region region(Rect... rects) {
    Region r = Region.EMPTY;
    for (Rect x : rects) {
      r = r.union(x);
    }
    return r;
  }

  @Test
  void damageMerges() {
    Rect a = new Rect(0, 0, 10, 10);
    Rect b = new Rect(5, 5, 10, 10);
    Rect c = new Rect(40, 40, 1, 1);
    tracker.damage(Region.of(a));
    tracker.damage(Region.of(b));
    tracker.damage(Region.of(c));
    assertEquals(region(a, b, c), tracker.damage());
    assertTrue(tracker.copy().isEmpty());
  }

  @Test
  void manyDamagedSpotsStayCoveredWithBoundedRectangles() {
    Region all = Region.EMPTY;
    for (int i = 0; i < 300; i++) {
      Rect spot = new Rect((i * 37) % 500, (i * 91) % 400, 2, 2);
      all = all.union(spot);
      tracker.damage(Region.of(spot));
    }
    assertTrue(all.subtract(tracker.damage()).isEmpty(), "no damaged pixel may be forgotten");
    assertTrue(tracker.damage().rects().size() < 300, "damage is merged into fewer rectangles");
  }

  @Test
  void copyThenDamage() {
    Rect target = new Rect(10, 10, 8, 4);
    tracker.copy(target, new Point(10, 6));
    assertEquals(Region.of(target), tracker.copy());
    assertEquals(0, tracker.copyDx());
    assertEquals(4, tracker.copyDy());
    assertTrue(tracker.damage().isEmpty());
    Rect d = new Rect(12, 11, 2, 2);
    tracker.damage(Region.of(d));
    assertEquals(Region.of(target).subtract(d), tracker.copy());
    assertEquals(Region.of(d), tracker.damage());
  }

  @Test
  void damageInTheSourceMovesWithTheCopy() {
    Rect d = new Rect(0, 0, 4, 4);
    tracker.damage(Region.of(d));
    Rect target = new Rect(10, 0, 8, 8);
    tracker.copy(target, new Point(0, 0));
    Rect moved = new Rect(10, 0, 4, 4);
    // the stale source pixels stay stale where they were, and are stale at the target too
    assertEquals(region(d, moved), tracker.damage());
    assertEquals(Region.of(target).subtract(moved), tracker.copy());
    assertEquals(10, tracker.copyDx());
    assertEquals(0, tracker.copyDy());
  }

  @Test
  void damageInTheTargetIsReplacedByTheCopy() {
    tracker.damage(Region.of(new Rect(10, 0, 4, 4)));
    Rect target = new Rect(8, 0, 8, 8);
    tracker.copy(target, new Point(30, 30));
    assertTrue(tracker.damage().isEmpty(), "damage under the target is overwritten: " + tracker.damage());
    assertEquals(Region.of(target), tracker.copy());
  }

  @Test
  void twoCopiesWithDifferentOffsetsTurnTheOlderIntoDamage() {
    Rect t1 = new Rect(0, 0, 4, 4);
    Rect t2 = new Rect(20, 0, 4, 4);
    tracker.copy(t1, new Point(0, 10));
    tracker.copy(t2, new Point(20, 5));
    assertEquals(Region.of(t1), tracker.damage());
    assertEquals(Region.of(t2), tracker.copy());
    assertEquals(0, tracker.copyDx());
    assertEquals(-5, tracker.copyDy());
  }

  @Test
  void disjointCopiesWithOneOffsetAreKeptTogether() {
    Rect t1 = new Rect(0, 0, 4, 4);
    Rect t2 = new Rect(8, 0, 4, 4);
    tracker.copy(t1, new Point(0, 10));
    tracker.copy(t2, new Point(8, 10));
    assertEquals(region(t1, t2), tracker.copy());
    assertTrue(tracker.damage().isEmpty());
  }

  @Test
  void scrollingTwiceStaysConsistent() {
    Rect area = new Rect(0, 0, 10, 10);
    tracker.copy(Rect.ofCorners(0, 0, 10, 8), new Point(0, 2));
    tracker.copy(Rect.ofCorners(0, 0, 10, 8), new Point(0, 2));
    assertTrue(tracker.copy().intersect(tracker.damage()).isEmpty(), "copy and damage overlap");
    assertTrue(tracker.copy().union(tracker.damage()).subtract(area).isEmpty());
    assertTrue(Region.of(Rect.ofCorners(0, 0, 10, 8)).subtract(tracker.copy().union(tracker.damage())).isEmpty(),
        "every changed pixel is pending");
  }

  @Test
  void copyOverAPendingCopyWithAStaleSourceLeavesNoOverlap() {
    // Copy 1 moves (0,5)-(10,10) down by 5. Then pixels above it change, and copy 2, by the same
    // offset, moves them onto part of copy 1's target: that part is damage now, not copy.
    tracker.copy(new Rect(0, 10, 10, 5), new Point(0, 5));
    tracker.damage(Region.of(new Rect(8, 5, 2, 5)));
    tracker.copy(new Rect(8, 10, 8, 5), new Point(8, 5));
    assertTrue(Region.of(new Rect(8, 10, 2, 5)).subtract(tracker.damage()).isEmpty(),
        "the stale pixels moved: " + tracker.damage());
    assertEquals(Region.EMPTY, tracker.copy().intersect(tracker.damage()),
        "copy " + tracker.copy() + " overlaps damage " + tracker.damage());
  }

  @Test
  void sentForgetsWhatWasSent() {
    tracker.damage(Region.of(new Rect(0, 0, 10, 10)));
    tracker.copy(new Rect(20, 20, 5, 5), new Point(30, 30));
    tracker.sent(Region.of(new Rect(0, 0, 10, 5)), Region.of(new Rect(20, 20, 5, 5)));
    assertEquals(Region.of(new Rect(0, 5, 10, 5)), tracker.damage());
    assertTrue(tracker.copy().isEmpty());
  }

  @Test
  void copyAsDamageResetAndClip() {
    Rect target = new Rect(20, 20, 5, 5);
    tracker.copy(target, new Point(30, 30));
    tracker.copyAsDamage();
    assertTrue(tracker.copy().isEmpty());
    assertEquals(Region.of(target), tracker.damage());

    tracker.copy(new Rect(0, 0, 2, 2), new Point(4, 4));
    tracker.clip(new Rect(0, 0, 22, 1));
    assertEquals(Region.of(new Rect(20, 20, 2, 2)).intersect(new Rect(0, 0, 22, 1)), tracker.damage());
    assertEquals(Region.of(new Rect(0, 0, 2, 1)), tracker.copy());

    Rect bounds = new Rect(0, 0, 64, 48);
    tracker.reset(bounds);
    assertTrue(tracker.copy().isEmpty());
    assertEquals(Region.of(bounds), tracker.damage());
  }
}
