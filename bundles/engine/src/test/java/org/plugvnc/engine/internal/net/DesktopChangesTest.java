package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

class DesktopChangesTest {

  private final DesktopChanges changes = new DesktopChanges();
  private final List<String> applied = new ArrayList<>();

  private void drain() {
    changes.drain(r -> applied.add("damage " + r.area()), c -> applied.add("copy " + c.target()));
  }

  @Test
  void damageInARowIsOneTaskAndOneRegion() {
    assertTrue(changes.damaged(Region.of(new Rect(0, 0, 10, 10))), "the first queues a task");
    for (int i = 1; i < 1000; i++) {
      assertFalse(changes.damaged(Region.of(new Rect(i, 0, 1, 1))), "the others join it");
    }
    drain();
    assertEquals(1, applied.size(), applied.toString());
    assertTrue(changes.damaged(Region.of(new Rect(0, 0, 1, 1))), "after a drain, a new task");
  }

  /**
   * A region of thousands of rectangles (a grid of dots an X client drew) is taken at its
   * bounds: merging it rectangle by rectangle would hold the backend's lock for seconds.
   */
  @Test
  void thousandsOfRectanglesAreTakenAtTheirBounds() {
    Region dots = Region.EMPTY;
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 60; x++) {
        dots = dots.union(new Rect(x * 4, y * 4, 1, 1));
      }
    }
    assertTrue(dots.rects().size() > 1000, "the test needs many rectangles");
    changes.damaged(dots);
    List<Region> got = new ArrayList<>();
    changes.drain(got::add, c -> {});
    assertEquals(List.of(Region.of(new Rect(0, 0, 237, 197))), got);
  }

  /** Damage after a copy must not be moved by it: the order survives the merging. */
  @Test
  void copiesKeepTheirPlaceBetweenDamage() {
    changes.damaged(Region.of(new Rect(0, 0, 2, 2)));
    changes.damaged(Region.of(new Rect(2, 0, 2, 2)));
    assertFalse(changes.copied(new Rect(0, 10, 4, 4), new Point(0, 0)));
    changes.damaged(Region.of(new Rect(0, 0, 3, 3)));
    drain();
    assertEquals(List.of("damage 8", "copy " + new Rect(0, 10, 4, 4), "damage 9"), applied);
  }

  /** A backend alternating copies and damage faster than the I/O thread runs: bounded. */
  @Test
  void pastTheCapEverythingWaitingBecomesDamage() {
    for (int i = 0; i < 10 * DesktopChanges.MAX_WAITING; i++) {
      changes.copied(new Rect(i % 100, 0, 1, 1), new Point(0, 1));
      changes.damaged(Region.of(new Rect(0, 50, 1, 1)));
    }
    drain();
    assertTrue(applied.size() <= DesktopChanges.MAX_WAITING + 1, applied.size() + " changes");
    assertTrue(applied.get(0).startsWith("damage"), "collapsed into damage: " + applied.get(0));
  }
}
