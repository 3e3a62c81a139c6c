package org.plugvnc.capture.virtual.internal;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * What one piece of desktop work changed, collected while the pixel lock is held and delivered
 * after it is released: listeners and the clipboard are foreign code and must never run under the
 * lock the engine's readers wait for. Confined to the thread doing the work.
 *
 * <p>Damage and copies are kept in the order they happened: a copy moves whatever a viewer holds
 * in its source, so damage painted before a copy must reach the engine before it, and damage
 * painted after it (the line a scroll uncovers) after it. Damage between two copies is merged.
 */
final class SceneChanges {

  /** A change to the pixels, reported as {@code damaged} or {@code copied}, in order. */
  sealed interface PixelChange permits Damaged, Copied {}

  /** The pixels of {@code region} were painted. */
  record Damaged(Region region) implements PixelChange {}

  /** {@code target} now holds what the rectangle of its size at corner {@code source} held. */
  record Copied(Rect target, Point source) implements PixelChange {}

  private final List<PixelChange> pixelChanges = new ArrayList<>();
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

  /**
   * The pixels of {@code target} were copied from the same-sized rectangle at {@code source}
   * (PixelBuffer#copy). Damage recorded so far is reported before the copy.
   */
  void copied(Rect target, Point source) {
    if (!damage.isEmpty()) {
      pixelChanges.add(new Damaged(damage));
      damage = Region.EMPTY;
    }
    pixelChanges.add(new Copied(target, source));
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

  /** Every damage and copy, in the order they must be reported. */
  List<PixelChange> pixelChanges() {
    if (damage.isEmpty()) {
      return List.copyOf(pixelChanges);
    }
    List<PixelChange> all = new ArrayList<>(pixelChanges);
    all.add(new Damaged(damage));
    return all;
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
