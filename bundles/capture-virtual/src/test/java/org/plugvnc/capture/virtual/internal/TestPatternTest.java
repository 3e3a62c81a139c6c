package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.TestSupport.RecordingListener;

/** The test-pattern mode against the formula shared with the other modules (COMMON.md). */
class TestPatternTest {

  private VirtualBackend desktop;

  @AfterEach
  void stop() {
    if (desktop != null) {
      desktop.stop();
    }
  }

  /** The formula, written out again here independently of the code under test. */
  private static int expected(int x, int y, int w, int h) {
    int red = x * 255 / (w > 1 ? w - 1 : 1);
    int green = y * 255 / (h > 1 ? h - 1 : 1);
    boolean evenCheck = ((x >> 6) + (y >> 6)) % 2 == 0;
    return (red << 16) + (green << 8) + (evenCheck ? 48 : 208);
  }

  private static void assertPattern(int[] pixels, int w, int h, Rect except) {
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (except != null && except.contains(new Rect(x, y, 1, 1))) {
          continue;
        }
        int got = pixels[y * w + x];
        if (got != expected(x, y, w, h)) {
          throw new AssertionError(String.format("pixel (%d,%d) of %dx%d is %06x, expected %06x",
              x, y, w, h, got, expected(x, y, w, h)));
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"16,16", "17,33", "64,64", "129,65", "300,200", "1280,800"})
  void pixelsFollowTheFormula(int w, int h) {
    desktop = new VirtualBackend(TestSupport.testPattern(w, h));
    desktop.start(new RecordingListener());
    assertEquals(w, desktop.framebuffer().width());
    assertEquals(h, desktop.framebuffer().height());
    assertPattern(TestSupport.readAll(desktop), w, h, null);
  }

  @Test
  void cornersHaveKnownValues() {
    desktop = new VirtualBackend(TestSupport.testPattern(256, 128));
    desktop.start(new RecordingListener());
    int[] px = TestSupport.readAll(desktop);
    assertEquals(0x000030, px[0]);
    assertEquals(0xFF00D0, px[255]);
    assertEquals(0x00FFD0, px[127 * 256]);
    assertEquals(0xFFFF30, px[127 * 256 + 255]);
    assertEquals(0x4000D0, px[64]);
    assertEquals(0x0080D0, px[64 * 256]);
  }

  @Test
  void keyPressPaintsTheKeyBlockAndReportsIt() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(200, 100));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.input().key(new KeyEvent(true, 0x1234567, 0));
    desktop.awaitIdle();

    Rect block = new Rect(0, 0, 16, 16);
    int[] px = TestSupport.readAll(desktop);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        assertEquals(0x234567, px[y * 200 + x], "(" + x + "," + y + ")");
      }
    }
    assertPattern(px, 200, 100, block);
    assertEquals(Region.of(block), listener.allDamage());
  }

  @Test
  void keyReleaseChangesNothing() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.input().key(new KeyEvent(false, 'a', 0));
    desktop.awaitIdle();

    assertPattern(TestSupport.readAll(desktop), 64, 64, null);
    assertTrue(listener.damage.isEmpty());
  }

  @Test
  void pointerWithButtonPaintsAWhiteBlockAndReportsIt() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(100, 80));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.input().pointer(new PointerEvent(1, 30, 40));
    desktop.awaitIdle();

    Rect block = new Rect(30, 40, 4, 4);
    int[] px = TestSupport.readAll(desktop);
    for (int y = 40; y < 44; y++) {
      for (int x = 30; x < 34; x++) {
        assertEquals(0xFFFFFF, px[y * 100 + x]);
      }
    }
    assertPattern(px, 100, 80, block);
    assertEquals(Region.of(block), listener.allDamage());
  }

  @Test
  void pointerBlockIsClippedAtTheEdge() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(100, 80));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.input().pointer(new PointerEvent(4, 98, 79));
    desktop.awaitIdle();

    Rect clipped = new Rect(98, 79, 2, 1);
    int[] px = TestSupport.readAll(desktop);
    assertEquals(0xFFFFFF, px[79 * 100 + 98]);
    assertEquals(0xFFFFFF, px[79 * 100 + 99]);
    assertPattern(px, 100, 80, clipped);
    assertEquals(Region.of(clipped), listener.allDamage());
  }

  @Test
  void pointerWithoutButtonsChangesNothing() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(100, 80));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.input().pointer(new PointerEvent(0, 10, 10));
    desktop.awaitIdle();

    assertPattern(TestSupport.readAll(desktop), 100, 80, null);
    assertTrue(listener.damage.isEmpty());
    assertTrue(listener.cursors.isEmpty());
  }

  @Test
  void restartShowsAFreshPattern() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    desktop.start(new RecordingListener());
    desktop.input().key(new KeyEvent(true, 0xff0000, 0));
    desktop.awaitIdle();
    desktop.stop();

    desktop.start(new RecordingListener());

    assertPattern(TestSupport.readAll(desktop), 64, 64, null);
  }

  @Test
  void readsNeverSeeHalfAPaint() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    desktop.start(new RecordingListener());
    desktop.input().key(new KeyEvent(true, 0x222222, 0));
    desktop.awaitIdle();
    Thread typist = new Thread(() -> {
      // Fewer than the adapter's input queue holds, so that the last key is never dropped.
      for (int i = 0; i < 3000; i++) {
        desktop.input().key(new KeyEvent(true, i % 2 == 0 ? 0x111111 : 0x222222, 0));
      }
    });
    typist.start();
    int[] block = new int[16 * 16];
    for (int i = 0; i < 5000; i++) {
      desktop.framebuffer().read(new Rect(0, 0, 16, 16), block, 0, 16);
      for (int p : block) {
        assertEquals(block[0], p, "one read shows one paint");
      }
    }
    typist.join();
    desktop.awaitIdle();
    desktop.framebuffer().read(new Rect(0, 0, 16, 16), block, 0, 16);
    assertEquals(0x222222, block[255]);
  }

  @Test
  void cursorIsTheSharedArrow() {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    desktop.start(new RecordingListener());
    CursorShape arrow = desktop.cursor();
    assertEquals(12, arrow.width());
    assertEquals(18, arrow.height());
    assertEquals(0, arrow.hotX());
    assertEquals(0, arrow.hotY());
    assertEquals(0xFF000000, arrow.argb()[0]);
    assertEquals(0xFFFFFFFF, arrow.argb()[2 * 12 + 1]);
    assertEquals(0, arrow.argb()[11] >>> 24);
    int black = 0;
    int white = 0;
    for (int p : arrow.argb()) {
      int alpha = p >>> 24;
      assertTrue(alpha == 0 || alpha == 0xFF, "alpha is all or nothing");
      black += p == 0xFF000000 ? 1 : 0;
      white += p == 0xFFFFFFFF ? 1 : 0;
    }
    assertTrue(black > 30 && white > 30, black + " black, " + white + " white");
  }
}
