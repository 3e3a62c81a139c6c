package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;

/** The RANDR extension (libXrandr): screen size changes. */
interface XRandr extends Library {


  int SCREEN_CHANGE_NOTIFY = 0;
  int SCREEN_CHANGE_NOTIFY_MASK = 1;

  boolean XRRQueryExtension(Display display, IntByReference eventBase, IntByReference errorBase);

  void XRRSelectInput(Display display, Window window, int mask);

  /**
   * Lets Xlib update its idea of the screen size from the event. Takes the event's memory, not
   * the union: JNA would write the union's (unset) Java fields over the event first.
   */
  int XRRUpdateConfiguration(Pointer event);
}
