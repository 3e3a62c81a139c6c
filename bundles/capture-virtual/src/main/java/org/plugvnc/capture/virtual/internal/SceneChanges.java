package org.plugvnc.capture.virtual.internal;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * What one piece of desktop work changed, collected while the pixel lock is held and delivered
 * after it is released: listeners and the clipboard are foreign code and must never run under the
 * lock the engine's readers wait for. Confined to the thread doing the work.
 */
final class SceneChanges {

  private Region damage = Region.EMPTY;
  private String clipboardText;
  private boolean bell;
  private boolean resized;
  private boolean cursorChanged;
  private CursorShape cursor;

  /** The pixels of {@code area} changed. */
  void damage(Rect area) {
    damage = damage.union(area);
  }

  /** The desktop wants the clipboard to hold {@code text}. */
  void setClipboard(String text) {
    clipboardText = text;
  }

  /** The desktop rang its bell. */
  void bell() {
    bell = true;
  }

  /** The framebuffer was re-allocated with a new size. */
  void resized() {
    resized = true;
  }

  /** The cursor is now {@code shape}. */
  void cursorChanged(CursorShape shape) {
    cursorChanged = true;
    cursor = shape;
  }

  Region damage() {
    return damage;
  }

  /** The text to put on the clipboard, or {@code null} for none. */
  String clipboardText() {
    return clipboardText;
  }

  boolean rangBell() {
    return bell;
  }

  boolean wasResized() {
    return resized;
  }

  boolean cursorWasChanged() {
    return cursorChanged;
  }

  CursorShape cursor() {
    return cursor;
  }
}
