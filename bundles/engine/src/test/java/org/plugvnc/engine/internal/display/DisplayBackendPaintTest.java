package org.plugvnc.engine.internal.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** What a display paints with Java2D lands in the framebuffer exactly, coalesced and resized. */
class DisplayBackendPaintTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int W = 120;
  private static final int H = 80;

  /** Solid panels on a grey ground; a key press changes the first panel's colour. */
  static class PanelDisplay implements Display {
    final List<Rect> painted = new CopyOnWriteArrayList<>();
    volatile DisplaySurface surface;
    volatile int panelColour = 0x3366CC;
    volatile int width = W;
    volatile int height = H;
    volatile CountDownLatch holdKey;
    final CountDownLatch inKey = new CountDownLatch(1);

    @Override
    public int width() {
      return width;
    }

    @Override
    public int height() {
      return height;
    }

    @Override
    public void attached(DisplaySurface s) {
      surface = s;
    }

    @Override
    public void paint(Graphics2D g, Rect area) {
      painted.add(area);
      g.setColor(new Color(0x808080));
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(panelColour));
      g.fillRect(10, 10, 30, 20);
      g.setColor(new Color(0xE0A000));
      g.fillRect(50, 40, 60, 30);
    }

    @Override
    public void key(KeyEvent event) {
      inKey.countDown();
      CountDownLatch hold = holdKey;
      if (hold != null) {
        try {
          hold.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (event.keysym() == 'r') {
        width = 100;
        height = 50;
        surface.resize(100, 50);
      }
    }
  }

  /** The picture written out independently of the display's Java2D calls. */
  static int[] expected(int w, int h, int panel) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = 0x808080;
        if (x >= 10 && x < 40 && y >= 10 && y < 30) {
          c = panel;
        } else if (x >= 50 && x < 110 && y >= 40 && y < 70) {
          c = 0xE0A000;
        }
        px[y * w + x] = c;
      }
    }
    return px;
  }

  static int[] readAll(DisplayBackend b) {
    int w = b.width();
    int[] all = new int[w * b.height()];
    b.read(new Rect(0, 0, w, b.height()), all, 0, w);
    return all;
  }

  private final PanelDisplay display = new PanelDisplay();
  private final DisplayBackend backend = new DisplayBackend(display, "panels");
  private final MirrorListener viewer = new MirrorListener();

  @AfterEach
  void stop() {
    backend.stop();
  }

  private void start() {
    backend.start(viewer);
    viewer.fullUpdate(backend);
  }

  @Test
  void theFirstPaintIsDoneWhenStartReturnsAndIsExact() {
    start();
    assertEquals(W, backend.framebuffer().width());
    assertEquals(H, backend.framebuffer().height());
    assertArrayEquals(expected(W, H, 0x3366CC), readAll(backend));
    assertEquals(List.of(new Rect(0, 0, W, H)), display.painted);
    assertTrue(viewer.damage.isEmpty(), "the engine reads the first paint itself");
  }

  @Test
  void aRepaintPaintsOnlyTheAreaAndReportsItsDamage() throws Exception {
    start();
    display.painted.clear();
    display.panelColour = 0x10FF10;
    display.surface.repaint(new Rect(5, 5, 40, 30));
    assertTrue(backend.awaitIdle(5000));

    assertEquals(List.of(new Rect(5, 5, 40, 30)), display.painted);
    assertEquals(List.of(Region.of(new Rect(5, 5, 40, 30))), viewer.damage);
    assertArrayEquals(expected(W, H, 0x10FF10), readAll(backend));
    assertArrayEquals(readAll(backend), viewer.pixels());
  }

  @Test
  void repaintsAskedForWhileTheThreadIsBusyCoalesce() throws Exception {
    start();
    display.holdKey = new CountDownLatch(1);
    backend.input().key(new KeyEvent(true, 'x', 0));
    assertTrue(display.inKey.await(5, TimeUnit.SECONDS), "the display thread is held");
    display.painted.clear();
    display.panelColour = 0xFF00FF;
    for (int i = 0; i < 100; i++) {
      display.surface.repaint(new Rect(i % 50, i % 30, 3, 3));
    }
    display.holdKey.countDown();
    assertTrue(backend.awaitIdle(5000));

    assertTrue(display.painted.size() <= RepaintTracker.MAX_RECTS,
        display.painted.size() + " paints for 100 requests");
    Region paintedArea = Region.EMPTY;
    for (Rect r : display.painted) {
      paintedArea = paintedArea.union(r);
    }
    for (int i = 0; i < 100; i++) {
      Rect asked = new Rect(i % 50, i % 30, 3, 3);
      assertTrue(paintedArea.intersect(asked).area() == asked.area(), asked + " was painted");
    }
    assertArrayEquals(expected(W, H, 0xFF00FF), readAll(backend));
  }

  @Test
  void aResizeReallocatesReportsAndRepaintsAll() throws Exception {
    start();
    backend.input().key(new KeyEvent(true, 'r', 0));
    assertTrue(backend.awaitIdle(5000));

    assertEquals(1, viewer.resizes.size());
    assertArrayEquals(new int[] {100, 50}, viewer.resizes.get(0));
    assertEquals(100, backend.width());
    assertEquals(50, backend.height());
    assertArrayEquals(expected(100, 50, 0x3366CC), readAll(backend));
  }

  @Test
  void aFailingPaintLeavesTheAreaAndTheThreadGoesOn() throws Exception {
    Display failing = new PanelDisplay() {
      @Override
      public void paint(Graphics2D g, Rect area) {
        if (area.width() == 7) {
          g.setColor(Color.RED);
          g.fillRect(area.x(), area.y(), area.width(), area.height());
          throw new IllegalStateException("paint fails on purpose");
        }
        super.paint(g, area);
      }

      @Override
      public void key(KeyEvent event) {
        throw new IllegalArgumentException("key fails on purpose");
      }
    };
    DisplayBackend b = new DisplayBackend(failing, "failing");
    MirrorListener v = new MirrorListener();
    b.start(v);
    try {
      PanelDisplay d = (PanelDisplay) failing;
      d.surface.repaint(new Rect(0, 0, 7, 7));
      b.input().key(new KeyEvent(true, 'a', 0));
      d.panelColour = 0x123456;
      d.surface.repaint(new Rect(10, 10, 30, 20));
      assertTrue(b.awaitIdle(5000));

      assertArrayEquals(expected(W, H, 0x123456), readAll(b), "no red: the failed paint is dropped");
      assertEquals(List.of(Region.of(new Rect(10, 10, 30, 20))), v.damage);
    } finally {
      b.stop();
    }
  }

  @Test
  void pixelsAreReadAs00RRGGBB() {
    start();
    for (int p : readAll(backend)) {
      assertEquals(0, p >>> 24);
    }
  }
}
