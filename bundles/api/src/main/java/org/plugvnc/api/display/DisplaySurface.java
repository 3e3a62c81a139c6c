package org.plugvnc.api.display;

import org.osgi.annotation.versioning.ProviderType;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * The engine's side of an attached {@link Display}: where it asks for repaints and reports what
 * changed. Implemented by the engine. Every method may be called from any thread, returns at once
 * and never throws; calls after {@link Display#detached} are ignored.
 */
@ProviderType
public interface DisplaySurface {

  /** The surface's width now. */
  int width();

  /** The surface's height now. */
  int height();

  /**
   * Asks for {@code area} to be painted again: {@link Display#paint} follows soon on the display's
   * thread, once for many requests in a row, with the current content (the latest state wins).
   * Parts outside the surface are ignored.
   */
  void repaint(Rect area);

  /** Asks for the whole surface to be painted again. */
  void repaintAll();

  /**
   * Moves the pixels of the rectangle of {@code target}'s size at corner {@code source} into
   * {@code target} (a scroll), at once, and lets viewers copy them instead of receiving them
   * again; the part of the target whose source lies outside the surface is repainted instead.
   * Call it once the display's own state shows the move: areas waiting for a repaint move with
   * it, and are painted at their new place, and an area being painted meanwhile is painted again
   * where the move can have made it stale. A display that changes its state on a thread of its
   * own holds the lock its {@link Display#paint} holds across the change and this call, so that a
   * paint sees the state from before the move or from after it, never in between.
   */
  void copyArea(Rect target, Point source);

  /**
   * Resizes the surface (each side 1 to 16384): viewers that support it are told the new size,
   * others are closed with a logged reason; the whole surface is then painted again.
   */
  void resize(int width, int height);

  /** The cursor shape viewers show from now on, or {@code null} for none. */
  void cursor(CursorShape shape);

  /** Puts {@code text} on the clipboard of the viewers of this display. */
  void clipboard(String text);

  /** Rings the bell of the viewers of this display. */
  void bell();
}
