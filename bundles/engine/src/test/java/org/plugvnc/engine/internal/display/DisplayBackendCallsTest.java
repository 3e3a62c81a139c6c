package org.plugvnc.engine.internal.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/** Input, clipboard, cursor and bell through the adapter, its thread and its life cycle. */
class DisplayBackendCallsTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final String THREAD = "plugvnc-display-calls";
  private static final CursorShape DOT = new CursorShape(1, 1, 0, 0, new int[] {0xFF000000});

  /** Records every call with the thread it came on. */
  static final class RecordingDisplay implements Display {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger detaches = new AtomicInteger();
    final CountDownLatch inKey = new CountDownLatch(1);
    volatile CountDownLatch holdKey;
    volatile DisplaySurface surface;

    private void record(String call) {
      threads.add(Thread.currentThread().getName());
      calls.add(call);
    }

    @Override
    public int width() {
      return 32;
    }

    @Override
    public int height() {
      return 16;
    }

    @Override
    public void paint(Graphics2D g, Rect area) {
      threads.add(Thread.currentThread().getName());
    }

    @Override
    public void attached(DisplaySurface s) {
      surface = s;
      record("attached");
    }

    @Override
    public void detached() {
      detaches.incrementAndGet();
      record("detached");
    }

    @Override
    public void key(KeyEvent e) {
      inKey.countDown();
      CountDownLatch hold = holdKey;
      if (hold != null) {
        try {
          hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }
      record("key " + e.keysym() + (e.down() ? " down" : " up"));
    }

    @Override
    public void pointer(PointerEvent e) {
      record("pointer " + e.buttonMask() + " " + e.x() + "," + e.y());
    }

    @Override
    public void clipboard(String text) {
      record("clipboard " + text);
    }

    @Override
    public CursorShape cursor() {
      return DOT;
    }
  }

  private final RecordingDisplay display = new RecordingDisplay();
  private final DisplayBackend backend = new DisplayBackend(display, "calls");
  private final MirrorListener listener = new MirrorListener();

  @AfterEach
  void stop() {
    backend.stop();
  }

  @Test
  void inputAndTheViewersClipboardArriveInOrderOnTheDisplaysThread() throws Exception {
    backend.start(listener);
    List<String> sent = new ArrayList<>();
    sent.add("attached");
    for (int i = 0; i < 300; i++) {
      backend.input().key(new KeyEvent(i % 2 == 0, 'a' + i % 26, 0));
      sent.add("key " + ('a' + i % 26) + (i % 2 == 0 ? " down" : " up"));
      backend.input().pointer(new PointerEvent(i % 3, i % 32, i % 16));
      sent.add("pointer " + i % 3 + " " + i % 32 + "," + i % 16);
      if (i % 50 == 0) {
        backend.clipboardFromViewer("text " + i);
        sent.add("clipboard text " + i);
      }
    }
    assertTrue(backend.awaitIdle(5000));

    assertEquals(sent, display.calls);
    assertEquals(Set.of(THREAD), display.threads, "attach, paint and input share one thread");
  }

  @Test
  void aFullInputQueueDropsEventsWithoutBlockingTheCaller() throws Exception {
    backend.start(listener);
    display.holdKey = new CountDownLatch(1);
    backend.input().key(new KeyEvent(true, 1, 0));
    assertTrue(display.inKey.await(5, TimeUnit.SECONDS));

    long began = System.nanoTime();
    for (int i = 0; i < DisplayThread.MAX_PENDING_INPUT + 500; i++) {
      backend.input().pointer(new PointerEvent(0, 1, 1));
    }
    long tookMillis = (System.nanoTime() - began) / 1_000_000;
    display.holdKey.countDown();
    assertTrue(backend.awaitIdle(10_000));

    assertTrue(tookMillis < 2000, "queueing took " + tookMillis + " ms");
    long pointers = display.calls.stream().filter(c -> c.startsWith("pointer")).count();
    assertEquals(DisplayThread.MAX_PENDING_INPUT, pointers, "the rest was dropped");
  }

  @Test
  void theDisplaysClipboardBellAndCursorReachTheListener() throws Exception {
    backend.start(listener);
    assertSame(DOT, backend.cursor(), "the display's cursor when attached");
    CursorShape none = null;
    display.surface.clipboard("from the display");
    display.surface.bell();
    display.surface.cursor(none);

    assertEquals(List.of("from the display"), listener.clipboard);
    assertEquals(1, listener.bells);
    assertEquals(1, listener.cursors.size());
    assertEquals(null, backend.cursor());
  }

  @Test
  void afterStopTheSurfaceIgnoresCallsAndTheThreadEnds() throws Exception {
    backend.start(listener);
    DisplaySurface surface = display.surface;
    backend.stop();

    surface.repaint(new Rect(0, 0, 5, 5));
    surface.copyArea(new Rect(0, 0, 5, 5), new Point(1, 1));
    surface.resize(64, 64);
    surface.clipboard("late");
    surface.bell();
    surface.cursor(null);
    backend.input().key(new KeyEvent(true, 'z', 0));

    assertEquals(List.of("attached", "detached"), display.calls);
    assertTrue(listener.damage.isEmpty() && listener.copies.isEmpty() && listener.resizes.isEmpty()
        && listener.clipboard.isEmpty() && listener.cursors.isEmpty() && listener.bells == 0);
    assertEquals(32, backend.width());
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (threadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(!threadAlive(), "the display thread ended");
  }

  @Test
  void aStartAfterAStopThatTimedOutWaitsForTheOldThreadSoCallsNeverOverlap() throws Exception {
    backend.start(listener);
    display.holdKey = new CountDownLatch(1);
    backend.input().key(new KeyEvent(true, 0x61, 0));
    assertTrue(display.inKey.await(5, TimeUnit.SECONDS));
    backend.stop(); // gives up after its wait: the key is still held
    backend.start(listener);
    Thread.sleep(300);
    assertEquals(List.of("attached"), display.calls,
        "nothing of the new start ran while the old thread was inside key");
    display.holdKey.countDown();
    List<String> inOrder = List.of("attached", "key 97 down", "detached", "attached");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (display.calls.size() < inOrder.size() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(inOrder, display.calls, "the new start attached once the old thread had ended");
  }

  @Test
  void itStartsAgainAfterAStopButNotTwice() throws Exception {
    backend.start(listener);
    assertThrows(IllegalStateException.class, () -> backend.start(new MirrorListener()));
    backend.stop();
    backend.stop();
    backend.start(listener);
    backend.input().key(new KeyEvent(true, 'q', 0));
    assertTrue(backend.awaitIdle(5000));

    assertEquals(List.of("attached", "detached", "attached", "key 113 down"), display.calls);
    assertEquals(1, display.detaches.get());
  }

  private static boolean threadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
  }
}
