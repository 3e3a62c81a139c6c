package org.plugvnc.capture.virtual.internal;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;

/**
 * The deterministic test pattern shared with the other modules' tests: a red gradient across, a
 * green gradient down, blue alternating between 0x30 and 0xD0 in 64x64 checks. Input changes only
 * two kinds of block, so a test can see that input arrived; nothing changes by itself.
 */
final class TestPatternScene implements Scene {

  /** Side of the block a key press paints at the top-left corner. */
  static final int KEY_BLOCK = 16;
  /** Side of the block a pointer event with a button down paints at the pointer. */
  static final int POINTER_BLOCK = 4;

  private final PixelBuffer pixels;

  TestPatternScene(PixelBuffer pixels) {
    this.pixels = pixels;
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

  @Override
  public void tick(SceneChanges out) {
    // The pattern has no clock: a test must be able to predict every pixel.
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
