package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.TestSupport.RecordingListener;

/** Start, stop, configuration changes and the desktop thread. */
class LifecycleTest {

  private VirtualBackend desktop;

  @AfterEach
  void stop() {
    if (desktop != null) {
      desktop.stop();
    }
  }

  private static boolean desktopThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(DesktopThread.NAME) && t.isAlive());
  }

  /** Whether the thread is gone within a second: it may take a moment to exit after its last task. */
  private static boolean desktopThreadGone() throws InterruptedException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (desktopThreadAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Test
  void newSizeReallocatesAndReportsResized() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 48));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.modified(TestSupport.testPattern(320, 200));
    desktop.awaitIdle();

    assertEquals(1, listener.resizes.size());
    assertArrayEquals(new int[] {320, 200}, listener.resizes.get(0));
    assertEquals(320, desktop.framebuffer().width());
    assertEquals(200, desktop.framebuffer().height());
    int[] px = TestSupport.readAll(desktop);
    assertEquals(TestPatternScene.pixel(319, 199, 320, 200), px[px.length - 1]);
    assertEquals(TestPatternScene.pixel(100, 150, 320, 200), px[150 * 320 + 100]);
  }

  @Test
  void newSizeWhileStoppedReportsNothingButTakesEffect() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 48));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);
    desktop.stop();

    desktop.modified(TestSupport.testPattern(80, 40));

    assertTrue(listener.resizes.isEmpty());
    assertEquals(80, desktop.display.width(), "the display's size for the next start");
    desktop.start(listener);
    assertEquals(80, desktop.framebuffer().width());
    assertTrue(listener.resizes.isEmpty(), "a start is read whole: no resize to report");
    assertEquals(TestPatternScene.pixel(79, 39, 80, 40), TestSupport.readAll(desktop)[80 * 40 - 1]);
  }

  @Test
  void newModeRepaintsAndReportsFullDamage() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(320, 200));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);
    int[] before = TestSupport.readAll(desktop);

    desktop.modified(TestSupport.config(320, 200, "interactive", "plugvnc"));
    desktop.awaitIdle();

    assertTrue(listener.resizes.isEmpty());
    assertEquals(Region.of(new Rect(0, 0, 320, 200)), listener.allDamage());
    assertNotEquals(before[160 * 320 + 100], TestSupport.readAll(desktop)[160 * 320 + 100]);
  }

  @Test
  void unchangedConfigurationReportsNothing() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);

    desktop.modified(TestSupport.testPattern(64, 64));
    desktop.awaitIdle();

    assertTrue(listener.damage.isEmpty());
    assertTrue(listener.resizes.isEmpty());
  }

  @Test
  void sizesAreClampedAndUnknownModesFallBack() {
    DesktopSettings small = DesktopSettings.from(TestSupport.config(3, -5, "bogus", null));
    assertEquals(16, small.width());
    assertEquals(16, small.height());
    assertEquals(DesktopMode.INTERACTIVE, small.mode());
    assertEquals("plugvnc", small.title());
    DesktopSettings big = DesktopSettings.from(TestSupport.config(100_000, 8193, "TEST_PATTERN", "t"));
    assertEquals(8192, big.width());
    assertEquals(8192, big.height());
    assertEquals(DesktopMode.TEST_PATTERN, big.mode());
  }

  @Test
  void configurationDefaultsAreAsDocumented() throws Exception {
    Class<?> c = VirtualDesktopConfiguration.class;
    assertEquals(1280, c.getMethod("width").getDefaultValue());
    assertEquals(800, c.getMethod("height").getDefaultValue());
    assertEquals("interactive", c.getMethod("mode").getDefaultValue());
    assertEquals("plugvnc", c.getMethod("title").getDefaultValue());
  }

  @Test
  void startAndStopManyTimesWithADaemonThreadOnlyWhileStarted() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    for (int i = 0; i < 5; i++) {
      RecordingListener listener = new RecordingListener();
      desktop.start(listener);
      desktop.input().key(new KeyEvent(true, 'x', 0));
      desktop.awaitIdle();
      assertEquals(Region.of(new Rect(0, 0, 16, 16)), listener.allDamage());
      assertTrue(Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals(DesktopThread.NAME))
          .allMatch(Thread::isDaemon));
      assertTrue(desktopThreadAlive());
      desktop.stop();
      assertTrue(desktopThreadGone());
    }
  }

  @Test
  void startingTwiceIsRefused() {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    desktop.start(new RecordingListener());
    assertThrows(IllegalStateException.class, () -> desktop.start(new RecordingListener()));
  }

  @Test
  void nothingIsReportedWhileStopped() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    RecordingListener listener = new RecordingListener();
    desktop.start(listener);
    desktop.stop();

    desktop.input().key(new KeyEvent(true, 'x', 0));
    desktop.input().pointer(new PointerEvent(1, 5, 5));
    desktop.modified(TestSupport.config(64, 64, "interactive", "plugvnc"));
    Thread.sleep(3 * VirtualDesktop.TICK_MILLIS);

    assertTrue(listener.damage.isEmpty());
    assertTrue(listener.resizes.isEmpty());
    assertTrue(listener.cursors.isEmpty());
  }

  @Test
  void stopWithoutStartAndTwiceIsHarmless() throws Exception {
    desktop = new VirtualBackend(TestSupport.testPattern(64, 64));
    desktop.stop();
    desktop.start(new RecordingListener());
    desktop.stop();
    desktop.stop();
    assertTrue(desktopThreadGone());
  }

  @Test
  void interactivePixelsAreReadAs00RRGGBB() {
    desktop = new VirtualBackend(TestSupport.config(200, 120, "interactive", "t"));
    desktop.start(new RecordingListener());
    for (int p : TestSupport.readAll(desktop)) {
      assertEquals(0, p >>> 24, "top byte of " + Integer.toHexString(p));
    }
  }
}
