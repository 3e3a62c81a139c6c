package org.plugvnc.capture.x11.internal;

import java.util.function.Consumer;

/**
 * STUB, replaced by the x11io branch's X selection owner: the X clipboard of one display (its own
 * connection), telling {@code changed} of new X selections within {@code maxBytes}. This stand-in
 * does nothing.
 */
final class X11Clipboard implements AutoCloseable {

  X11Clipboard(String display, int maxBytes, Consumer<String> changed) {}

  /** A viewer set the clipboard: the X selections take {@code text}. */
  void set(String text) {}

  @Override
  public void close() {}
}
