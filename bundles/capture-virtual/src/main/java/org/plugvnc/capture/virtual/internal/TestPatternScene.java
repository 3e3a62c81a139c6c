package org.plugvnc.capture.virtual.internal;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * The deterministic test pattern shared with the other modules' tests: a red gradient across, a
 * green gradient down, blue alternating between 0x30 and 0xD0 in 64x64 checks. Input changes only
 * two kinds of block, so a test can see that input arrived.
 *
 * <p>Nothing changes by itself unless scrolling is configured: then, after each {@link #show},
 * the {@link #band} scrolls up by a fixed number of rows per tick for a fixed number of steps and
 * stops. Each step moves the band's pixels inside the framebuffer and reports the move as a copy,
 * then paints only the rows it uncovered at the bottom, taken from the formula so that the band's
 * content wraps around: after k steps of s rows (the configured rows, at most the band's height),
 * band row r shows pattern row {@code band.y + (r + k * s) mod band.height}. A viewer applying
 * the copy and the damage ends with exactly that picture; a block painted by input inside the
 * band moves with it until it leaves at the top, and does not come back.
 */
final class TestPatternScene implements Scene {

  /** Side of the block a key press paints at the top-left corner. */
  static final int KEY_BLOCK = 16;
  /** Side of the block a pointer event with a button down paints at the pointer. */
  static final int POINTER_BLOCK = 4;

  private final PixelBuffer pixels;
  private int scrollSteps;
  private int scrollPixels = 1;
  /** Steps scrolled since the last {@link #show}. */
  private int stepsDone;

  TestPatternScene(PixelBuffer pixels) {
    this.pixels = pixels;
  }

  /**
   * Scrolls the band {@code steps} times by {@code rows} after each {@link #show}; 0 steps keeps
   * the pattern still. Takes effect at the next show.
   */
  void scroll(int steps, int rows) {
    scrollSteps = Math.max(0, steps);
    scrollPixels = Math.max(1, rows);
  }

  /**
   * The part of a {@code width} x {@code height} pattern that scrolls: the middle half of the
   * rows, without the outer eighth of the columns on either side, so the copy's rectangles start
   * away from the framebuffer's edges.
   */
  static Rect band(int width, int height) {
    int left = width / 8;
    return new Rect(left, height / 4, width - 2 * left, height / 2);
  }

  /** The pattern's pixel at (x, y) of a {@code width} x {@code height} framebuffer. */
  static int pixel(int x, int y, int width, int height) {
    int r = (x * 255) / Math.max(1, width - 1);
    int g = (y * 255) / Math.max(1, height - 1);
    int b = ((x / 64) + (y / 64)) % 2 == 0 ? 0x30 : 0xD0;
    return r << 16 | g << 8 | b;
  }

  @Override
  public void show(SceneChanges out) {
    int width = pixels.width();
    int height = pixels.height();
    int[] data = pixels.data();
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        data[row + x] = pixel(x, y, width, height);
      }
    }
    stepsDone = 0;
    out.damage(pixels.bounds());
  }

  @Override
  public void hide() {
    // Nothing to stop: the pattern only changes when told to.
  }

  @Override
  public void key(KeyEvent event, SceneChanges out) {
    if (event.down()) {
      fill(new Rect(0, 0, KEY_BLOCK, KEY_BLOCK), event.keysym() & 0xFFFFFF, out);
    }
  }

  @Override
  public void pointer(PointerEvent event, SceneChanges out) {
    if (event.buttonMask() != 0) {
      fill(new Rect(event.x(), event.y(), POINTER_BLOCK, POINTER_BLOCK), 0xFFFFFF, out);
    }
  }

  /** Scrolls one step while steps are left: a test can predict every pixel from the step count. */
  @Override
  public void tick(SceneChanges out) {
    if (stepsDone >= scrollSteps) {
      return;
    }
    Rect band = band(pixels.width(), pixels.height());
    if (band.isEmpty()) {
      return;
    }
    stepsDone++;
    int rows = Math.min(scrollPixels, band.height());
    if (rows < band.height()) {
      Rect target = new Rect(band.x(), band.y(), band.width(), band.height() - rows);
      Point source = new Point(band.x(), band.y() + rows);
      pixels.copy(target, source);
      out.copied(target, source);
    }
    paintUncovered(band, rows, out);
  }

  /** Paints the bottom {@code rows} of the band with the rows that wrap around into them. */
  private void paintUncovered(Rect band, int rows, SceneChanges out) {
    int width = pixels.width();
    int height = pixels.height();
    int[] data = pixels.data();
    long shift = (long) stepsDone * rows;
    for (int r = band.height() - rows; r < band.height(); r++) {
      int patternY = band.y() + (int) ((r + shift) % band.height());
      int row = (band.y() + r) * width;
      for (int x = band.x(); x < band.right(); x++) {
        data[row + x] = pixel(x, patternY, width, height);
      }
    }
    out.damage(new Rect(band.x(), band.bottom() - rows, band.width(), rows));
  }

  @Override
  public CursorShape cursor() {
    return DesktopCursors.ARROW;
  }

  private void fill(Rect block, int rgb, SceneChanges out) {
    Rect clipped = block.intersect(pixels.bounds());
    if (clipped.isEmpty()) {
      return;
    }
    int width = pixels.width();
    int[] data = pixels.data();
    for (int y = clipped.y(); y < clipped.bottom(); y++) {
      int row = y * width;
      for (int x = clipped.x(); x < clipped.right(); x++) {
        data[row + x] = rgb;
      }
    }
    out.damage(clipped);
  }
}
