package org.plugvnc.api.capture;

import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * How a started {@link CaptureBackend} reports changes. Implemented by the engine. Every method may
 * be called from any thread, returns quickly, never blocks and never throws: the engine only records
 * the change and schedules updates on its own threads.
 */
public interface DesktopListener {

  /** The pixels of {@code region} have changed; regions outside the framebuffer are clipped. */
  void damaged(Region region);

  /**
   * The pixels of {@code target} are now a copy of what was at {@code target} moved to
   * {@code source} (a scroll or a window move). The engine may send this as CopyRect.
   */
  void copied(Rect target, Point source);

  /** The framebuffer now has this size; the whole of it counts as damaged. */
  void resized(int width, int height);

  /** The cursor has a new shape, or none when {@code shape} is {@code null}. */
  void cursorChanged(CursorShape shape);

  /** The desktop rang its bell. */
  void bell();
}
