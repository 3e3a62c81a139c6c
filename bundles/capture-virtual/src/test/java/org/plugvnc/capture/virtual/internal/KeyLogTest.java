package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.TestSupport.Copy;
import org.plugvnc.capture.virtual.internal.TestSupport.MirrorViewer;
import org.plugvnc.capture.virtual.internal.TestSupport.SettableClock;

/**
 * The interactive desktop's key log: every key event scrolls it up a line by a reported copy and
 * paints only the new line, and a viewer applying copy and damage sees what the desktop shows.
 */
class KeyLogTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2024-05-01T10:20:30Z"));
  private VirtualBackend desktop;

  @AfterEach
  void stop() {
    if (desktop != null) {
      desktop.stop();
    }
  }

  private MirrorViewer start(int w, int h) throws Exception {
    desktop = new VirtualBackend(TestSupport.config(w, h, "interactive", "log test"), clock);
    MirrorViewer viewer = new MirrorViewer(desktop.framebuffer());
    desktop.start(viewer);
    desktop.awaitIdle();
    return viewer;
  }

  private void press(int keysym) {
    desktop.input().key(new KeyEvent(true, keysym, 0));
  }

  private void release(int keysym) {
    desktop.input().key(new KeyEvent(false, keysym, 0));
  }

  private int[] read(Rect area) {
    int[] px = new int[area.width() * area.height()];
    desktop.framebuffer().read(area, px, 0, area.width());
    return px;
  }

  @Test
  void aKeyEventIsACopyOfTheLogOneLineUpThenTheNewLine() throws Exception {
    MirrorViewer viewer = start(1280, 800);
    InteractiveLayout layout = desktop.interactiveScene().layout();
    Rect log = layout.keyLog;
    int line = layout.keyLogLine;
    int slots = layout.keyLogLines();
    assertTrue(slots >= 10, "a 1280x800 desktop shows a real log: " + slots + " lines");

    release('a');
    desktop.awaitIdle();

    Copy expectedCopy = new Copy(new Rect(log.x(), log.y(), log.width(), (slots - 1) * line),
        new Point(log.x(), log.y() + line));
    assertEquals(2, viewer.pixelEvents.size(), viewer.pixelEvents.toString());
    assertEquals(expectedCopy, viewer.pixelEvents.get(0), "the copy comes first");
    Region newLine = Region.of(desktop.interactiveScene().keyLog().slot(slots - 1));
    assertEquals(newLine, viewer.pixelEvents.get(1), "a release paints only the new line");
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280,800", "800,500", "640,480", "1920,1080"})
  void aViewerApplyingCopiesAndDamageSeesTheDesktop(int w, int h) throws Exception {
    MirrorViewer viewer = start(w, h);
    int slots = desktop.interactiveScene().layout().keyLogLines();
    // More events than the log has lines, so lines leave at the top.
    for (int i = 0; i < slots + 7; i++) {
      press('a' + i % 26);
      release('a' + i % 26);
    }
    press(Keysyms.CONTROL_L);
    press('g');
    release('g');
    release(Keysyms.CONTROL_L);
    desktop.awaitIdle();

    assertEquals(2 * (slots + 7) + 4, viewer.copies.size(), "one copy per key event");
    assertArrayEquals(TestSupport.readAll(desktop), viewer.pixels());
  }

  @Test
  void scrolledLinesLookExactlyLikeLinesPaintedAfresh() throws Exception {
    start(1280, 800);
    Rect log = desktop.interactiveScene().layout().keyLog;
    for (int keysym : new int[] {'H', 'e', 'l', 'l', 'o', Keysyms.RETURN, 0x01000000 + 0x263A}) {
      press(keysym);
      release(keysym);
    }
    desktop.awaitIdle();
    int[] scrolled = read(log);

    desktop.stop();
    desktop.start(new TestSupport.RecordingListener());
    desktop.awaitIdle();

    assertArrayEquals(scrolled, read(log), "repainting the kept lines gives the same pixels");
  }

  @Test
  void theNewestLineMovesUpOneSlotWithTheNextEvent() throws Exception {
    start(1280, 800);
    KeyLogPanel panel = desktop.interactiveScene().keyLog();
    int last = desktop.interactiveScene().layout().keyLogLines() - 1;
    int[] empty = read(panel.slot(last));

    press('x');
    desktop.awaitIdle();
    int[] pressed = read(panel.slot(last));
    release('x');
    desktop.awaitIdle();

    assertFalse(java.util.Arrays.equals(empty, pressed), "the new line shows text");
    assertArrayEquals(pressed, read(panel.slot(last - 1)), "the line moved up one slot");
    assertFalse(java.util.Arrays.equals(pressed, read(panel.slot(last))),
        "the release line differs from the press line");
  }

  @Test
  void linesNameTheKeysymAndTheDirection() {
    assertEquals("key 0x0061 down  'a'", KeyLogPanel.describe(new KeyEvent(true, 'a', 0)));
    assertEquals("key 0xff0d up    Return",
        KeyLogPanel.describe(new KeyEvent(false, Keysyms.RETURN, 0)));
  }

  @Test
  void aDesktopTooSmallForTheLogStillLogsWithoutMovingPixelsOutside() throws Exception {
    MirrorViewer viewer = start(200, 120);
    press('q');
    release('q');
    desktop.awaitIdle();

    Rect bounds = new Rect(0, 0, 200, 120);
    for (Copy copy : viewer.copies) {
      assertTrue(bounds.contains(copy.target()), copy.toString());
    }
    assertArrayEquals(TestSupport.readAll(desktop), viewer.pixels());
  }
}
