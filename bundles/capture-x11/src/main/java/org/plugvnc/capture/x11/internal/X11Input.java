package org.plugvnc.capture.x11.internal;

import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;

/**
 * STUB, replaced by the x11io branch's XTest input: takes the viewers' keys and pointer events for
 * one X display (its own connection). This stand-in drops them.
 */
final class X11Input implements InputSink, AutoCloseable {

  X11Input(String display) {}

  @Override
  public void key(KeyEvent event) {}

  @Override
  public void pointer(PointerEvent event) {}

  @Override
  public void close() {}
}
