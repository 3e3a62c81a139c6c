package org.plugvnc.api.capture;

/**
 * Receives viewers' input for a desktop. Implemented by capture backends. Called by the engine on a
 * session's I/O thread, in the order the viewer sent the events; must not block (queue the work).
 * Events from a view-only viewer never arrive here.
 */
public interface InputSink {

  /** A key was pressed or released. Never throws. */
  void key(KeyEvent event);

  /** The pointer moved or its buttons changed. Coordinates are inside the framebuffer. Never throws. */
  void pointer(PointerEvent event);
}
