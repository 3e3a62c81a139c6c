package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.testsupport.ArrayFramebuffer;

/**
 * The tracker's invariant, checked by simulation: a desktop changes by random copies and damage
 * (fixed seeds), the tracker records them, and a viewer that applies the pending copy and then
 * the pending damage ends up with exactly the desktop's picture.
 */
class UpdateTrackerSimulationTest {

  private static final int W = 40;
  private static final int H = 30;

  /** One simulated session. */
  private static final class Simulation {
    final Random random;
    final int[] desktop = new int[W * H];
    final ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    final UpdateTracker tracker = new UpdateTracker();
    final EncodingSelector selector = new EncodingSelector(new SessionEncoders(() -> Map.of()));
    final FrameSnapshot snapshot = new FrameSnapshot();
    final List<String> log = new ArrayList<>();

    Simulation(long seed) {
      random = new Random(seed);
      for (int i = 0; i < desktop.length; i++) {
        desktop[i] = random.nextInt(0x1000000);
      }
      System.arraycopy(desktop, 0, viewer.pixels, 0, desktop.length);
    }

    void randomChange() {
      if (random.nextInt(5) < 2) {
        damage();
      } else {
        copy();
      }
    }

    void damage() {
      int w = 1 + random.nextInt(10);
      int h = 1 + random.nextInt(10);
      Rect r = new Rect(random.nextInt(W - w + 1), random.nextInt(H - h + 1), w, h);
      for (int y = r.y(); y < r.bottom(); y++) {
        for (int x = r.x(); x < r.right(); x++) {
          desktop[y * W + x] = random.nextInt(0x1000000);
        }
      }
      log.add("damage " + r);
      tracker.damage(Region.of(r));
    }

    void copy() {
      int w = 1 + random.nextInt(20);
      int h = 1 + random.nextInt(15);
      Rect target = new Rect(random.nextInt(W - w + 1), random.nextInt(H - h + 1), w, h);
      int sx;
      int sy;
      if (random.nextBoolean()) { // a scroll-like small move
        sx = clamp(target.x() + random.nextInt(7) - 3, W - w);
        sy = clamp(target.y() + random.nextInt(7) - 3, H - h);
      } else {
        sx = random.nextInt(W - w + 1);
        sy = random.nextInt(H - h + 1);
      }
      copy(target, sx, sy);
    }

    /** Copies on the desktop (as one move, like XCopyArea) and tells the tracker. */
    void copy(Rect target, int sx, int sy) {
      int w = target.width();
      int h = target.height();
      int[] block = new int[w * h];
      for (int y = 0; y < h; y++) {
        System.arraycopy(desktop, (sy + y) * W + sx, block, y * w, w);
      }
      for (int y = 0; y < h; y++) {
        System.arraycopy(block, y * w, desktop, (target.y() + y) * W + target.x(), w);
      }
      log.add("copy " + target + " from " + sx + "," + sy);
      tracker.copy(target, new Point(sx, sy));
    }

    private static int clamp(int v, int max) {
      return Math.max(0, Math.min(max, v));
    }

    /** Sends the pending copy and damage through UpdateWriter, as the scheduler does. */
    void sendThroughUpdateWriter() {
      Region copy = tracker.copy();
      Region pixels = tracker.damage();
      UpdateWriter.Content c = new UpdateWriter.Content();
      if (!copy.isEmpty()) {
        c.copy(copy, tracker.copyDx(), tracker.copyDy(),
            new SessionEncoders.Choice(1, null, new ViewerModel.SpecCopyRectEncoder()));
      }
      if (!pixels.isEmpty()) {
        c.pixels(pixels, Region.EMPTY);
      }
      if (!c.isEmpty()) {
        ByteBuf out = Unpooled.buffer();
        UpdateWriter.write(out, c, new ArrayFramebuffer(W, H, desktop),
            PixelWriters.forFormat(PixelFormat.RGB888), snapshot, selector, ClientSettings.INITIAL,
            RectTally.NONE);
        snapshot.release();
        viewer.apply(out);
      }
      tracker.sent(pixels, copy);
      log.add("sent copy " + copy + " by " + tracker.copyDx() + "," + tracker.copyDy() + " damage " + pixels);
    }

    /**
     * Sends the pending copy as one simultaneous move (every copied pixel read from the viewer as
     * it was before the update), then the damage: the tracker's invariant on its own, whatever
     * order rectangles go on the wire.
     */
    void sendAsOneMove() {
      int[] before = viewer.pixels.clone();
      for (Rect r : tracker.copy().rects()) {
        for (int y = r.y(); y < r.bottom(); y++) {
          for (int x = r.x(); x < r.right(); x++) {
            viewer.pixels[y * W + x] = before[(y - tracker.copyDy()) * W + (x - tracker.copyDx())];
          }
        }
      }
      for (Rect r : tracker.damage().rects()) {
        for (int y = r.y(); y < r.bottom(); y++) {
          for (int x = r.x(); x < r.right(); x++) {
            viewer.pixels[y * W + x] = desktop[y * W + x];
          }
        }
      }
      log.add("sent as one move: copy " + tracker.copy() + " damage " + tracker.damage());
      tracker.sent(tracker.damage(), tracker.copy());
    }

    /** The invariant the tracker's Javadoc states: copy region and damage never overlap. */
    void assertCopyAndDamageDisjoint(String what) {
      Region both = tracker.copy().intersect(tracker.damage());
      if (!both.isEmpty()) {
        int from = Math.max(0, log.size() - 6);
        fail(what + ": copy and damage overlap in " + both + " after\n  "
            + String.join("\n  ", log.subList(from, log.size())));
      }
    }

    void assertViewerMatches(String what) {
      for (int i = 0; i < desktop.length; i++) {
        if (desktop[i] != viewer.pixels[i]) {
          int from = Math.max(0, log.size() - 12);
          fail(what + ": viewer differs at " + (i % W) + "," + (i / W) + " after\n  "
              + String.join("\n  ", log.subList(from, log.size())));
        }
      }
      assertTrue(tracker.damage().isEmpty() && tracker.copy().isEmpty(), "all sent");
    }
  }

  @Test
  void copiesWithOneOffsetWhoseRectanglesOverlapInRowsGoInAWorkingOrder() {
    // Two copies by (+5, +5). A (tall, right) reads from where B (short, left) is written, so A
    // must go on the wire before B, although B starts lower down.
    Simulation s = new Simulation(5);
    Rect a = new Rect(15, 5, 10, 20);
    Rect b = new Rect(5, 15, 10, 5);
    s.copy(a, a.x() - 5, a.y() - 5);
    s.copy(b, b.x() - 5, b.y() - 5);
    s.sendThroughUpdateWriter();
    s.assertViewerMatches("two copies by 5,5");
  }

  @Test
  void copiesMovingUpLeftGoInAWorkingOrder() {
    // The mirror case, by (-5, -5): A (short, left) reads from where B (tall, right) is written,
    // although B starts higher up.
    Simulation s = new Simulation(6);
    Rect a = new Rect(5, 10, 10, 5);
    Rect b = new Rect(15, 5, 10, 20);
    s.copy(a, a.x() + 5, a.y() + 5);
    s.copy(b, b.x() + 5, b.y() + 5);
    s.sendThroughUpdateWriter();
    s.assertViewerMatches("two copies by -5,-5");
  }

  @Test
  void horizontalScrollWithTwoDamagedSpots() {
    // A window scrolls right by 5 while two spots in one band change (a caret blinking, say):
    // the pending copy is the window less the spots, in pieces that are not in bands.
    Simulation s = new Simulation(7);
    s.copy(new Rect(5, 5, 30, 20), 0, 5);
    s.tracker.damage(Region.of(new Rect(10, 10, 2, 2)));
    s.tracker.damage(Region.of(new Rect(20, 10, 2, 1)));
    s.sendThroughUpdateWriter();
    s.assertViewerMatches("horizontal scroll with two damaged spots");
  }

  @Test
  void sendingAfterEveryChangeReproducesTheDesktop() {
    for (long seed = 1; seed <= 400; seed++) {
      Simulation s = new Simulation(seed);
      for (int step = 0; step < 60; step++) {
        s.randomChange();
        s.sendThroughUpdateWriter();
        s.assertViewerMatches("seed " + seed + " step " + step);
      }
    }
  }

  @Test
  void trackerInvariantHoldsWhenChangesAccumulate() {
    for (long seed = 1; seed <= 400; seed++) {
      Simulation s = new Simulation(seed);
      for (int round = 0; round < 25; round++) {
        int changes = 1 + s.random.nextInt(8);
        for (int i = 0; i < changes; i++) {
          s.randomChange();
        }
        s.sendAsOneMove();
        s.assertViewerMatches("seed " + seed + " round " + round);
      }
    }
  }

  @Test
  void copyAndDamageNeverOverlap() {
    for (long seed = 1; seed <= 400; seed++) {
      Simulation s = new Simulation(seed);
      for (int round = 0; round < 25; round++) {
        int changes = 1 + s.random.nextInt(8);
        for (int i = 0; i < changes; i++) {
          s.randomChange();
          s.assertCopyAndDamageDisjoint("seed " + seed + " round " + round);
        }
        s.sendAsOneMove();
      }
    }
  }

  @Test
  void accumulatedChangesThroughUpdateWriterReproduceTheDesktop() {
    for (long seed = 1; seed <= 400; seed++) {
      Simulation s = new Simulation(seed);
      for (int round = 0; round < 25; round++) {
        int changes = 1 + s.random.nextInt(8);
        for (int i = 0; i < changes; i++) {
          s.randomChange();
        }
        s.sendThroughUpdateWriter();
        s.assertViewerMatches("seed " + seed + " round " + round);
      }
    }
  }
}
