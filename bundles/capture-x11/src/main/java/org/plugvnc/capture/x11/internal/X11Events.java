package org.plugvnc.capture.x11.internal;

/** What the events read in one round asked for. Filled and read on the X thread. */
final class X11Events {
  boolean damaged;
  boolean cursorChanged;
  boolean screenChanged;
  int bells;

  void clear() {
    damaged = false;
    cursorChanged = false;
    screenChanged = false;
    bells = 0;
  }
}
