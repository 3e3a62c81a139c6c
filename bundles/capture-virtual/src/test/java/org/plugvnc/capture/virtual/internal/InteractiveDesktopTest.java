package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.TestSupport.RecordingListener;
import org.plugvnc.capture.virtual.internal.TestSupport.SettableClock;

/** The interactive desktop: typing, the clipboard, drawing, the clock, the bell. */
class InteractiveDesktopTest {

  private static final int W = 800;
  private static final int H = 500;

  private final SettableClock clock = new SettableClock(Instant.parse("2024-05-01T10:20:30Z"));
  private final RecordingListener listener = new RecordingListener();
  private VirtualBackend desktop;
  private InteractiveLayout layout;

  @BeforeEach
  void start() throws Exception {
    desktop = new VirtualBackend(TestSupport.config(W, H, "interactive", "test desk"), clock);
    desktop.start(listener);
    desktop.awaitIdle();
    layout = desktop.interactiveScene().layout();
    listener.clear();
  }

  @AfterEach
  void stop() {
    desktop.stop();
  }

  /** What the desktop put on the viewers' clipboard last; empty if nothing. */
  private String clipboardText() {
    return listener.clipboard.isEmpty() ? "" : listener.clipboard.get(listener.clipboard.size() - 1);
  }

  private void type(int... keysyms) {
    for (int k : keysyms) {
      desktop.input().key(new KeyEvent(true, k, 0));
      desktop.input().key(new KeyEvent(false, k, 0));
    }
  }

  private void pointer(int mask, int x, int y) {
    desktop.input().pointer(new PointerEvent(mask, x, y));
  }

  private static void assertInside(Region damage, Rect... allowed) {
    Region rest = damage;
    for (Rect r : allowed) {
      rest = rest.subtract(r);
    }
    assertTrue(rest.isEmpty(), "damage outside " + java.util.Arrays.toString(allowed) + ": " + rest);
  }

  /** Pixels that differ between two full reads, as the bounding rectangle; empty if none. */
  private static Rect changed(int[] before, int[] after) {
    return changed(before, after, new Rect(0, 0, W, H));
  }

  /** Pixels inside {@code within} that differ between two full reads, as their bounds. */
  private static Rect changed(int[] before, int[] after, Rect within) {
    Rect bounds = new Rect(0, 0, 0, 0);
    for (int i = 0; i < before.length; i++) {
      Rect pixel = new Rect(i % W, i / W, 1, 1);
      if (before[i] != after[i] && within.contains(pixel)) {
        bounds = bounds.union(pixel);
      }
    }
    return bounds;
  }

  @Test
  void typingBackSpaceAndReturnPutsTheLineOnTheClipboard() throws Exception {
    type('a', 'b', Keysyms.BACKSPACE, Keysyms.RETURN);
    desktop.awaitIdle();

    assertEquals("a", clipboardText());
  }

  @Test
  void typingDamagesOnlyTheInputLineAndTheKeyStatus() throws Exception {
    int[] before = TestSupport.readAll(desktop);
    type('h', 'i', 0xe9, 0x01000000 + 0x263A);
    desktop.awaitIdle();

    assertFalse(listener.damage.isEmpty());
    assertInside(listener.allDamage(), layout.input, layout.keyBox, layout.keyLog);
    int[] after = TestSupport.readAll(desktop);
    Rect changed = changed(before, after);
    assertTrue(layout.input.union(layout.keyBox).union(layout.keyLog).contains(changed), changed
        + " outside the input line, the key status and the key log");
    assertTrue(layout.input.intersects(changed(before, after, layout.input)),
        "the typed text appears in the input line");
  }

  @Test
  void returnClearsTheLineSoTheNextOneStartsEmpty() throws Exception {
    type('x', Keysyms.RETURN, 'y', 'z', Keysyms.KP_ENTER);
    desktop.awaitIdle();
    assertEquals("yz", clipboardText());
  }

  @Test
  void copyButtonPutsTheTypedLineOnTheClipboard() throws Exception {
    type('q', 'r');
    Rect button = layout.copyButton;
    pointer(0, button.x() + 5, button.y() + 5);
    pointer(1, button.x() + 5, button.y() + 5);
    pointer(0, button.x() + 5, button.y() + 5);
    desktop.awaitIdle();
    desktop.awaitIdle();

    assertEquals("qr", clipboardText());
  }

  @Test
  void clipboardChangesRepaintTheClipboardBox() throws Exception {
    int[] before = TestSupport.readAll(desktop);
    desktop.clipboardFromViewer("from a viewer");
    desktop.awaitIdle();
    assertTrue(listener.clipboard.isEmpty(), "a viewer's text is not sent back");

    Rect changed = changed(before, TestSupport.readAll(desktop));
    assertFalse(changed.isEmpty());
    assertTrue(layout.clipboardBox.contains(changed), changed + " in " + layout.clipboardBox);
    assertInside(listener.allDamage(), layout.clipboardBox, layout.copyButton);
  }

  @Test
  void draggingWithButtonOneDrawsInTheCanvasOnly() throws Exception {
    Rect canvas = layout.canvas;
    int x = canvas.x() + 40;
    int y = canvas.y() + 40;
    int[] before = TestSupport.readAll(desktop);

    pointer(1, x, y);
    pointer(1, x + 30, y + 10);
    pointer(1, x + 60, y + 40);
    pointer(0, x + 60, y + 40);
    desktop.awaitIdle();

    int[] after = TestSupport.readAll(desktop);
    Rect drawn = changed(before, after).intersect(canvas);
    assertTrue(drawn.contains(new Rect(x, y, 61, 41)), "line covers the path: " + drawn);
    assertInside(listener.allDamage(), canvas, layout.pointerBox);
    for (Region r : listener.damage) {
      assertTrue(r.area() < canvas.area() / 4, "damage is precise, not the whole canvas: " + r);
    }
    assertTrue(after[(y + 5) * W + x + 15] != before[(y + 5) * W + x + 15], "mid-segment ink");
  }

  @Test
  void buttonThreeClearsTheCanvas() throws Exception {
    Rect canvas = layout.canvas;
    int[] blank = TestSupport.readAll(desktop);
    pointer(1, canvas.x() + 10, canvas.y() + 10);
    pointer(1, canvas.x() + 90, canvas.y() + 90);
    pointer(0, canvas.x() + 90, canvas.y() + 90);
    pointer(4, canvas.x() + 50, canvas.y() + 50);
    pointer(0, canvas.x() + 50, canvas.y() + 50);
    desktop.awaitIdle();

    int[] after = TestSupport.readAll(desktop);
    assertTrue(changed(blank, after).intersect(canvas).isEmpty(), "canvas is blank again");
  }

  @Test
  void pointerCoordinatesAreShownAndTheCursorFollowsTheCanvas() throws Exception {
    Rect canvas = layout.canvas;
    pointer(0, canvas.x() + 5, canvas.y() + 5);
    pointer(0, canvas.x() - 5, canvas.y() - 5);
    desktop.awaitIdle();

    assertInside(listener.allDamage(), layout.pointerBox);
    assertEquals(2, listener.cursors.size());
    assertSame(DesktopCursors.CROSSHAIR, listener.cursors.get(0));
    assertSame(DesktopCursors.ARROW, listener.cursors.get(1));
    assertSame(DesktopCursors.ARROW, desktop.cursor());
  }

  @Test
  void controlGAndTheBellButtonRingTheBell() throws Exception {
    desktop.input().key(new KeyEvent(true, Keysyms.CONTROL_L, 0));
    type('g');
    desktop.input().key(new KeyEvent(false, Keysyms.CONTROL_L, 0));
    type('g');
    Rect bell = layout.bellButton;
    pointer(1, bell.x() + 3, bell.y() + 3);
    pointer(0, bell.x() + 3, bell.y() + 3);
    desktop.awaitIdle();

    assertEquals(2, listener.bells);
    type(Keysyms.RETURN);
    desktop.awaitIdle();
    assertEquals("g", clipboardText(), "only the g typed without Control reached the line");
  }

  @Test
  void clockDamagesOnlyItsBoxWhenTheSecondChanges() throws Exception {
    Thread.sleep(3 * VirtualDesktop.TICK_MILLIS);
    desktop.awaitIdle();
    assertTrue(listener.damage.isEmpty(), "a standing clock repaints nothing");
    int[] before = TestSupport.readAll(desktop);

    clock.advanceSeconds(1);
    long deadline = System.currentTimeMillis() + 5000;
    while (listener.damage.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    desktop.awaitIdle();

    assertEquals(Region.of(layout.clock), listener.allDamage());
    Rect changed = changed(before, TestSupport.readAll(desktop));
    assertFalse(changed.isEmpty());
    assertTrue(layout.clock.contains(changed), changed + " in " + layout.clock);
  }
}
