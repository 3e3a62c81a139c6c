package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * The lossless refresh of areas a viewer holds as JPEG: due once quiet for 50 ms, restarted by
 * damage there, moved by copies, cut to what the link carries, never where damage goes anyway.
 */
class LosslessRefreshTest {

  private static final long T0 = 5_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final Region SCREEN = Region.of(new Rect(0, 0, 1920, 1080));

  private final LosslessRefresh refresh = new LosslessRefresh();

  @Test
  void nothingLossyNothingDue() {
    assertEquals(Region.EMPTY, refresh.lossy());
    assertEquals(Region.EMPTY, refresh.due(T0, SCREEN, Region.EMPTY));
    assertEquals(-1, refresh.nanosUntilDue(T0));
    refresh.sent(Region.of(new Rect(0, 0, 10, 10)), Region.EMPTY, T0);
    assertEquals(Region.EMPTY, refresh.lossy(), "lossless pixels leave nothing to refresh");
    assertEquals(-1, refresh.nanosUntilDue(T0));
  }

  @Test
  void dueOnceQuietFor50Milliseconds() {
    Region photo = Region.of(new Rect(100, 100, 200, 100));
    refresh.sent(photo.union(new Rect(0, 0, 50, 50)), photo, T0);
    assertEquals(photo, refresh.lossy());
    assertEquals(50 * MS, LosslessRefresh.QUIET_NANOS);
    assertEquals(40 * MS, refresh.nanosUntilDue(T0 + 10 * MS));
    assertEquals(Region.EMPTY, refresh.due(T0 + 50 * MS - 1, SCREEN, Region.EMPTY));
    assertEquals(photo, refresh.due(T0 + 50 * MS, SCREEN, Region.EMPTY));
    assertEquals(0, refresh.nanosUntilDue(T0 + 80 * MS));
  }

  @Test
  void damageOnTheLossyAreaRestartsTheQuietTime() {
    Region photo = Region.of(new Rect(0, 0, 100, 100));
    refresh.sent(photo, photo, T0);
    refresh.damaged(Region.of(new Rect(500, 500, 10, 10)), T0 + 40 * MS);
    assertEquals(photo, refresh.due(T0 + 50 * MS, SCREEN, Region.EMPTY), "elsewhere: no restart");
    refresh.damaged(Region.of(new Rect(90, 90, 20, 20)), T0 + 40 * MS);
    assertEquals(Region.EMPTY, refresh.due(T0 + 89 * MS, SCREEN, Region.EMPTY), "a video plays on");
    assertEquals(photo, refresh.due(T0 + 90 * MS, SCREEN, Region.EMPTY));
    // A new lossy update restarts it too.
    Region corner = Region.of(new Rect(0, 0, 10, 10));
    refresh.sent(corner, corner, T0 + 95 * MS);
    assertEquals(Region.EMPTY, refresh.due(T0 + 140 * MS, SCREEN, Region.EMPTY));
    assertEquals(photo, refresh.due(T0 + 145 * MS, SCREEN, Region.EMPTY));
  }

  @Test
  void pixelsSentAgainLeaveTheLossyAreaOrJoinIt() {
    Region photo = Region.of(new Rect(0, 0, 100, 100));
    refresh.sent(photo, photo, T0);
    refresh.sent(Region.of(new Rect(0, 0, 100, 50)), Region.EMPTY, T0 + 60 * MS);
    assertEquals(Region.of(new Rect(0, 50, 100, 50)), refresh.lossy(), "refreshed half is exact");
    assertEquals(Region.of(new Rect(0, 50, 100, 50)),
        refresh.due(T0 + 60 * MS, SCREEN, Region.EMPTY), "a refresh in parts goes on at once");
    refresh.reset();
    assertEquals(Region.EMPTY, refresh.lossy());
  }

  @Test
  void copiesMoveTheLossyArea() {
    Rect photo = new Rect(0, 0, 100, 100);
    refresh.sent(Region.of(photo), Region.of(photo), T0);
    // Scrolled right by 50: the target holds lossy pixels from the source; the source stays.
    refresh.copied(new Rect(50, 0, 100, 100), new Point(0, 0));
    assertEquals(Region.of(new Rect(0, 0, 150, 100)), refresh.lossy());
    // Exact pixels copied over a lossy area make it exact.
    refresh.copied(new Rect(0, 0, 150, 100), new Point(500, 500));
    assertEquals(Region.EMPTY, refresh.lossy());
    // A copy partly from lossy pixels: only that part is lossy at the target.
    refresh.sent(Region.of(photo), Region.of(photo), T0);
    refresh.copied(new Rect(300, 0, 50, 50), new Point(80, 80));
    assertEquals(Region.of(photo).union(new Rect(300, 0, 20, 20)), refresh.lossy());
  }

  @Test
  void dueLeavesOutPendingDamageAndWhatWasNotAskedFor() {
    Region photo = Region.of(new Rect(0, 0, 200, 100));
    refresh.sent(photo, photo, T0);
    Region pending = Region.of(new Rect(0, 0, 100, 100));
    Region due = refresh.due(T0 + 60 * MS, SCREEN, pending);
    assertEquals(Region.of(new Rect(100, 0, 100, 100)), due, "damage goes out anyway");
    Region asked = Region.of(new Rect(150, 0, 500, 500));
    assertEquals(Region.of(new Rect(150, 0, 50, 100)), refresh.due(T0 + 60 * MS, asked, pending));
  }

  @Test
  void theBudgetIsWhatTheLinkCarriesInATenthOfASecondAtLeast128By128() {
    assertEquals(LosslessRefresh.UNMEASURED_PIXELS, refresh.budget(), "not measured yet");
    refresh.linkRate(1_000_000); // 1 MB/s: 100 kB in 100 ms at 2 bytes a pixel
    assertEquals(50_000, refresh.budget());
    refresh.linkRate(1_000); // a crawl: the minimum still makes progress
    assertEquals(128 * 128, refresh.budget());
    refresh.linkRate(1e300);
    assertTrue(refresh.budget() > 0, "no overflow");
    refresh.linkRate(0);
    assertEquals(LosslessRefresh.UNMEASURED_PIXELS, refresh.budget());
  }

  @Test
  void aRefreshIsCutToTheBudgetInWholeRows() {
    Region photo = Region.of(new Rect(0, 0, 1000, 1000));
    refresh.sent(photo, photo, T0);
    refresh.linkRate(1_000_000);
    Region due = refresh.due(T0 + 60 * MS, SCREEN, Region.EMPTY);
    assertEquals(Region.of(new Rect(0, 0, 1000, 50)), due, "50 000 pixels: 50 whole rows");
    refresh.sent(due, Region.EMPTY, T0 + 70 * MS);
    assertEquals(Region.of(new Rect(0, 50, 1000, 50)),
        refresh.due(T0 + 80 * MS, SCREEN, Region.EMPTY));
    // Many small lossy areas: whole ones while they fit, within a row of the budget.
    refresh.reset();
    Region spots = Region.EMPTY;
    for (int i = 0; i < 40; i++) {
      spots = spots.union(new Rect(i * 48, 0, 40, 40));
    }
    refresh.sent(spots, spots, T0);
    refresh.linkRate(1_000); // 16384 pixels: ten spots of 1600 and a part of one more
    Region some = refresh.due(T0 + 60 * MS, SCREEN, Region.EMPTY);
    assertTrue(some.area() <= refresh.budget() + 40, some.area() + " pixels");
    assertTrue(some.area() >= refresh.budget() - 40, some.area() + " pixels");
    assertEquals(some, some.intersect(spots), "only lossy pixels");
  }

  @Test
  void theLossyAreaStaysFewRectanglesAndCoversEveryLossyPixel() {
    Region all = Region.EMPTY;
    for (int i = 0; i < 200; i++) {
      Region spot = Region.of(new Rect((i * 37) % 1800, (i * 53) % 1000, 7, 5));
      all = all.union(spot);
      refresh.sent(spot, spot, T0 + i);
    }
    assertTrue(refresh.lossy().rects().size() <= 64, refresh.lossy().rects().size() + " rects");
    assertEquals(Region.EMPTY, all.subtract(refresh.lossy()),
        "over-covering is harmless, missing is not");
  }
}
