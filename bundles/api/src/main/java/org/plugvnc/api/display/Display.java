package org.plugvnc.api.display;

import java.awt.Graphics2D;
import org.osgi.annotation.versioning.ConsumerType;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;

/**
 * A surface a bundle paints with Java2D and shares with viewers, registered as a service with
 * {@link #PROPERTY_NAME}. The engine makes each display a capture backend of that name, so a
 * desktop configured with {@code backend=NAME} shows it; its pixels live in the engine.
 *
 * <p>Life cycle: while at least one viewer of a desktop showing it is connected, the display is
 * {@linkplain #attached attached} to a {@link DisplaySurface} and painted; when the last viewer
 * leaves it is {@linkplain #detached detached} and painted no more. It may be attached and
 * detached many times. Painting and the input callbacks run on one engine thread per display,
 * one call at a time, so a display needs no locking of its own for what only they touch.
 */
@ConsumerType
public interface Display {

  /** Service property: the display's name, which is also the name of its backend. */
  String PROPERTY_NAME = "plugvnc.display";

  /** Width in pixels when first attached; later changes go through {@link DisplaySurface#resize}. */
  int width();

  /** Height in pixels when first attached. */
  int height();

  /**
   * Paints {@code area}, which the engine wants repainted (all of the surface when attached, then
   * what the display asked for through {@link DisplaySurface#repaint}). {@code g} uses surface
   * coordinates, is clipped to {@code area} and holds whatever was there before; the display
   * paints every pixel of {@code area} it wants to show. {@code g} is disposed by the engine.
   * Exceptions are logged and the area stays as it was.
   */
  void paint(Graphics2D g, Rect area);

  /**
   * The display is shown from now on: paint what {@code surface} asks for and report changes
   * through it until {@link #detached}. The full first paint follows.
   */
  default void attached(DisplaySurface surface) {}

  /** No viewer is left: stop reporting; the surface ignores calls from now on. */
  default void detached() {}

  /** A viewer pressed or released a key. */
  default void key(KeyEvent event) {}

  /** A viewer moved the pointer or changed its buttons; coordinates inside the surface. */
  default void pointer(PointerEvent event) {}

  /** A viewer set the clipboard to {@code text}, within the configured limit. */
  default void clipboard(String text) {}

  /** The cursor shape viewers show over the display, or {@code null} for none; later changes go through {@link DisplaySurface#cursor}. */
  default CursorShape cursor() {
    return null;
  }
}
