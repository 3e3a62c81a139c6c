package org.plugvnc.engine.internal.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.RepeatedTest;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * A display that scrolls on a thread of its own, in every direction, while the adapter paints it
 * slowly and another thread asks for repaints: the surface and a viewer applying the reported
 * copies and damage must both end with exactly the display's picture.
 */
class ScrollWhilePaintingTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int W = 64;
  private static final int H = 48;

  /**
   * An endless picture seen through a window at (ox, oy). A scroll moves the window, moves the
   * pixels that stay visible with copyArea and asks for the uncovered ones, holding the lock
   * paint takes to read the window's position: the state and the move change together.
   */
  static final class ScrollingDisplay implements Display {
    private final SplittableRandom random;
    private volatile DisplaySurface surface;
    private int ox;
    private int oy;

    ScrollingDisplay(long seed) {
      random = new SplittableRandom(seed);
    }

    static int colour(int u, int v) {
      int h = u * 0x9E3779B1 ^ v * 0x85EBCA77;
      h ^= h >>> 15;
      h *= 0x2C1B3C6D;
      return (h ^ h >>> 12) & 0xFFFFFF;
    }

    @Override
    public int width() {
      return W;
    }

    @Override
    public int height() {
      return H;
    }

    @Override
    public void attached(DisplaySurface s) {
      surface = s;
    }

    @Override
    public void paint(Graphics2D g, Rect area) {
      pause(200_000);
      int x0;
      int y0;
      synchronized (this) {
        x0 = ox;
        y0 = oy;
      }
      pause(300_000);
      BufferedImage img = new BufferedImage(area.width(), area.height(), BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < area.height(); y++) {
        for (int x = 0; x < area.width(); x++) {
          img.setRGB(x, y, colour(area.x() + x + x0, area.y() + y + y0));
        }
      }
      g.drawImage(img, area.x(), area.y(), null);
      pause(200_000);
    }

    /** Moves the window by (sx, sy): the pixel at (x, y) then shows what (x + sx, y + sy) did. */
    void scroll(int sx, int sy) {
      synchronized (this) {
        ox += sx;
        oy += sy;
        Rect target = Rect.ofCorners(Math.max(0, -sx), Math.max(0, -sy),
            W - Math.max(0, sx), H - Math.max(0, sy));
        surface.copyArea(target, new Point(target.x() + sx, target.y() + sy));
        for (Rect uncovered : Region.of(new Rect(0, 0, W, H)).subtract(target).rects()) {
          surface.repaint(uncovered);
        }
      }
    }

    synchronized int[] picture() {
      int[] px = new int[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          px[y * W + x] = colour(x + ox, y + oy);
        }
      }
      return px;
    }

    int step() {
      return random.nextInt(-3, 4);
    }
  }

  private static void pause(long nanos) {
    LockSupport.parkNanos(nanos);
  }

  /**
   * Rounds of scrolls (and a few repaint requests) while paints are in flight, each round ended
   * by a check: a pixel left wrong would soon scroll out of sight, so it is looked for at once.
   */
  @RepeatedTest(3)
  void theSurfaceAndAViewerEndEveryRoundExact() throws Exception {
    ScrollingDisplay display = new ScrollingDisplay(System.nanoTime());
    DisplayBackend backend = new DisplayBackend(display, "scroller");
    MirrorListener viewer = new MirrorListener();
    backend.start(viewer);
    viewer.fullUpdate(backend);
    SplittableRandom r = new SplittableRandom();
    try {
      for (int round = 0; round < 40; round++) {
        for (int i = 0; i < 12; i++) {
          display.scroll(display.step(), display.step());
          if (i % 4 == 0) {
            display.surface.repaint(new Rect(r.nextInt(W), r.nextInt(H), r.nextInt(1, 12),
                r.nextInt(1, 12)));
          }
          pause(r.nextLong(50_000, 400_000));
        }
        assertTrue(backend.awaitIdle(10_000));
        int[] expected = display.picture();
        assertArrayEquals(expected, DisplayBackendPaintTest.readAll(backend),
            "the surface after round " + round);
        assertArrayEquals(expected, viewer.pixels(), "the viewer after round " + round);
      }
      assertTrue(viewer.copies.size() > 300, viewer.copies.size() + " copies reported");
    } finally {
      backend.stop();
    }
  }
}
