package org.plugvnc.api.capture;

import org.osgi.annotation.versioning.ProviderType;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * How a started {@link CaptureBackend} reports changes. Implemented by the engine. Every method may
 * be called from any thread, returns quickly, never blocks and never throws: the engine only records
 * the change and schedules updates on its own threads.
 */
@ProviderType
public interface DesktopListener {

  /** The pixels of {@code region} have changed; regions outside the framebuffer are clipped. */
  void damaged(Region region);

  /**
   * The pixels of {@code target} are now a copy of what was at {@code target} moved to
   * {@code source} (a scroll or a window move). The engine may send this as CopyRect.
   *
   * <p>Report a copy while still holding the lock {@link Framebuffer#read} takes, in the same
   * critical section that moved the pixels. The engine reads an update's pixels and then looks
   * for copies reported meanwhile, sending those as pixels: a copy reported only after the lock
   * was released could already be in pixels a viewer was sent, and moving them again there would
   * leave that viewer's picture wrong.
   */
  void copied(Rect target, Point source);

  /** The framebuffer now has this size; the whole of it counts as damaged. */
  void resized(int width, int height);

  /** The cursor has a new shape, or none when {@code shape} is {@code null}. */
  void cursorChanged(CursorShape shape);

  /** The desktop rang its bell. */
  void bell();

  /**
   * The desktop's clipboard now holds {@code text} (the X selection changed, say); the engine
   * sends it to this desktop's viewers, within their clipboard limit. Not called for text that
   * came from {@link CaptureBackend#clipboardFromViewer}.
   *
   * @since 1.1
   */
  default void clipboardChanged(String text) {}

  /**
   * The pointer is now at ({@code x}, {@code y}), moved by something other than this desktop's
   * viewers (a local mouse, an application warping it). The engine moves the cursor it draws into
   * the pictures of viewers without a cursor pseudo-encoding, and tells viewers that take pointer
   * positions.
   *
   * @since 1.1
   */
  default void pointerMoved(int x, int y) {}

  /**
   * The desktop cannot be shown any more ({@code reason}: the X server went away, say) and the
   * backend was configured to drop its viewers rather than show them a blank desktop while it
   * reconnects: the engine closes this desktop's viewers, logging the reason. The backend stays
   * registered and may start again.
   *
   * @since 1.1
   */
  default void failed(String reason) {}
}
