package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.ptr.IntByReference;

/**
 * libXtst's fake input (XTest.h). jna-platform has an {@code X11.XTest}, but passes Xlib's
 * {@code Bool} as a Java boolean, which reached the server as 0xff for XTestGrabControl (a
 * BadValue); here every Bool is an int, 1 or 0.
 */
public interface XTestLibrary extends Library {

  XTestLibrary INSTANCE = Native.load("Xtst", XTestLibrary.class);

  int XTestQueryExtension(Display display, IntByReference eventBase, IntByReference errorBase,
      IntByReference major, IntByReference minor);

  int XTestFakeKeyEvent(Display display, int keycode, int isPress, NativeLong delay);

  int XTestFakeButtonEvent(Display display, int button, int isPress, NativeLong delay);

  int XTestFakeMotionEvent(Display display, int screen, int x, int y, NativeLong delay);

  int XTestGrabControl(Display display, int impervious);
}
