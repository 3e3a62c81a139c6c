package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.TestSupport.Copy;
import org.plugvnc.capture.virtual.internal.TestSupport.MirrorViewer;

/**
 * The test pattern's scrolling band: each step is one reported copy and the damage of the rows it
 * uncovered, a viewer applying them ends with the desktop's pixels, and after the configured steps
 * the picture is the pattern with the band's rows rotated, as the definition says.
 */
class ScrollingPatternTest {

  /** Ticks ten times faster than the component's, so the steps take a tenth of the time. */
  private static final long TICK = VirtualDesktop.TICK_MILLIS / 10;

  private VirtualBackend desktop;

  private static VirtualBackend desktop(VirtualDesktopConfiguration config) {
    return new VirtualBackend(config, java.time.Clock.systemUTC(), TICK);
  }

  @AfterEach
  void stop() {
    if (desktop != null) {
      desktop.stop();
    }
  }

  /** The pattern's formula, written out again independently of the code under test. */
  private static int pattern(int x, int y, int w, int h) {
    int red = x * 255 / (w > 1 ? w - 1 : 1);
    int green = y * 255 / (h > 1 ? h - 1 : 1);
    return (red << 16) + (green << 8) + (((x >> 6) + (y >> 6)) % 2 == 0 ? 48 : 208);
  }

  /** The band as documented: rows h/4 .. h/4 + h/2, columns w/8 .. w - w/8. */
  private static Rect band(int w, int h) {
    return new Rect(w / 8, h / 4, w - 2 * (w / 8), h / 2);
  }

  /** The whole picture after {@code steps} steps of {@code rows} rows. */
  private static int[] expectedPicture(int w, int h, int steps, int rows) {
    Rect band = band(w, h);
    int shift = steps * Math.min(rows, band.height()) % band.height();
    int[] picture = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inBand = band.contains(new Rect(x, y, 1, 1));
        int from = inBand ? band.y() + (y - band.y() + shift) % band.height() : y;
        picture[y * w + x] = pattern(x, from, w, h);
      }
    }
    return picture;
  }

  /** The copies a run of {@code steps} steps reports: none when a step repaints the whole band. */
  private static int copiesFor(int w, int h, int steps, int rows) {
    return rows < band(w, h).height() ? steps : 0;
  }

  /**
   * Starts the desktop with a viewer that mirrors it and waits until all steps have been taken
   * and painted, and then a few ticks more, in which nothing may be reported.
   */
  private MirrorViewer scrollFully(int w, int h, int steps, int rows) throws Exception {
    desktop = desktop(TestSupport.scrollingPattern(w, h, steps, rows));
    MirrorViewer viewer = new MirrorViewer(desktop.framebuffer());
    desktop.start(viewer);
    Thread.sleep((steps + 3) * TICK);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (viewer.copies.size() < copiesFor(w, h, steps, rows) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    desktop.awaitIdle();
    int settled = viewer.pixelEvents.size();
    // More ticks: a band that went on scrolling would report more.
    Thread.sleep(5 * TICK);
    desktop.awaitIdle();
    assertEquals(settled, viewer.pixelEvents.size(), "nothing moves after the last step");
    return viewer;
  }

  @ParameterizedTest(name = "{0}x{1}, {2} steps of {3} rows")
  @CsvSource({
      "320,240,10,8",  // the interop tests' case: 80 of 120 rows rotated
      "100,64,9,7",    // 63 rows on a band of 32: wraps more than once
      "17,33,4,3",     // odd sizes
      "64,64,3,40",    // more rows than the band has: the whole band repainted, no copy
      "200,100,1,1",
  })
  void viewerApplyingCopiesAndDamageEndsWithThePredictedPicture(int w, int h, int steps, int rows)
      throws Exception {
    MirrorViewer viewer = scrollFully(w, h, steps, rows);

    int[] expected = expectedPicture(w, h, steps, rows);
    assertArrayEquals(expected, TestSupport.readAll(desktop), "the desktop's own pixels");
    assertArrayEquals(expected, viewer.pixels(), "what a viewer applying the reports has");
    assertEquals(copiesFor(w, h, steps, rows), viewer.copies.size(), "one copy per step");
  }

  @Test
  void eachStepIsACopyOfTheBandAndDamageOnlyInsideIt() throws Exception {
    MirrorViewer viewer = scrollFully(320, 240, 4, 8);

    Rect band = new Rect(40, 60, 240, 120);
    Copy step = new Copy(new Rect(40, 60, 240, 112), new Point(40, 68));
    assertEquals(List.of(step, step, step, step), viewer.copies);
    Region uncovered = Region.of(new Rect(40, 172, 240, 8));
    assertEquals(uncovered, viewer.allDamage().intersect(uncovered), "the new rows are painted");
    assertTrue(viewer.allDamage().subtract(band).isEmpty(), "nothing outside the band");
    assertTrue(viewer.allDamage().area() < band.area() / 2, "the new rows, not the band");
  }

  @Test
  void withoutScrollStepsNothingMoves() throws Exception {
    desktop = desktop(TestSupport.testPattern(320, 240));
    MirrorViewer viewer = new MirrorViewer(desktop.framebuffer());
    desktop.start(viewer);
    Thread.sleep(3 * TICK);
    desktop.awaitIdle();

    assertTrue(viewer.pixelEvents.isEmpty(), viewer.pixelEvents.toString());
    assertArrayEquals(expectedPicture(320, 240, 0, 8), TestSupport.readAll(desktop));
  }

  @Test
  void aRestartShowsTheFreshPatternAndScrollsAgain() throws Exception {
    // The component's own tick: the viewer's full update must come before the first step.
    desktop = new VirtualBackend(TestSupport.scrollingPattern(100, 64, 3, 5));
    desktop.start(new MirrorViewer(desktop.framebuffer()));
    desktop.stop();
    MirrorViewer second = new MirrorViewer(desktop.framebuffer());
    desktop.start(second);
    assertArrayEquals(expectedPicture(100, 64, 0, 5), TestSupport.readAll(desktop),
        "start repaints the pattern unscrolled");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (second.copies.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(2 * VirtualDesktop.TICK_MILLIS);
    desktop.awaitIdle();

    assertEquals(3, second.copies.size());
    assertArrayEquals(expectedPicture(100, 64, 3, 5), second.pixels());
  }

  @Test
  void inputInsideTheBandMovesWithItAndInputOutsideStays() throws Exception {
    desktop = desktop(TestSupport.scrollingPattern(320, 240, 3, 8));
    MirrorViewer viewer = new MirrorViewer(desktop.framebuffer());
    desktop.start(viewer);
    desktop.input().key(new KeyEvent(true, 0x123456, 0));
    desktop.input().pointer(new PointerEvent(1, 100, 150));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (viewer.copies.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(2 * TICK);
    desktop.awaitIdle();

    // The block moves up 8 rows with every step that came after it was painted: 0 to 3 of them.
    int[] shown = TestSupport.readAll(desktop);
    assertArrayEquals(shown, viewer.pixels());
    boolean matched = false;
    for (int later = 0; later <= 3 && !matched; later++) {
      int[] expected = expectedPicture(320, 240, 3, 8);
      fill(expected, new Rect(0, 0, 16, 16), 0x123456);
      fill(expected, new Rect(100, 150 - 8 * later, 4, 4), 0xFFFFFF);
      matched = java.util.Arrays.equals(expected, shown);
    }
    assertTrue(matched, "the pattern with the key block and the pointer block moved with the band");
  }

  private static void fill(int[] picture, Rect area, int rgb) {
    for (int y = area.y(); y < area.bottom(); y++) {
      for (int x = area.x(); x < area.right(); x++) {
        picture[y * 320 + x] = rgb;
      }
    }
  }

  @Test
  void aNewScrollConfigurationRestartsTheScroll() throws Exception {
    MirrorViewer viewer = scrollFully(100, 64, 2, 4);
    viewer.clear();

    desktop.modified(TestSupport.scrollingPattern(100, 64, 1, 6));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (viewer.copies.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(2 * TICK);
    desktop.awaitIdle();

    assertEquals(1, viewer.copies.size());
    assertArrayEquals(expectedPicture(100, 64, 1, 6), viewer.pixels());
  }
}
