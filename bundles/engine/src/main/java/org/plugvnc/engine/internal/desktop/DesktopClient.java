package org.plugvnc.engine.internal.desktop;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * A viewer attached to a {@link DesktopHub}. The hub calls these from any thread; an implementation
 * hands the change to its own I/O thread and returns at once.
 */
public interface DesktopClient {

  /** Pixels changed. */
  void desktopDamaged(Region region);

  /** {@code target} was copied from {@code source}. */
  void desktopCopied(Rect target, Point source);

  /** The framebuffer now has this size (or another backend took over): all of it is new. */
  void desktopResized(int width, int height);

  /** The cursor changed. */
  void desktopCursorChanged(CursorShape shape);

  /** The bell rang. */
  void desktopBell();

  /** The desktop failed; the viewer is to be closed with {@code reason}. */
  void desktopFailed(String reason);

  /**
   * The pointer is now at ({@code x}, {@code y}), moved by a viewer or on the desktop itself;
   * {@code own} when this viewer moved it.
   */
  default void desktopPointerMoved(int x, int y, boolean own) {}
}
