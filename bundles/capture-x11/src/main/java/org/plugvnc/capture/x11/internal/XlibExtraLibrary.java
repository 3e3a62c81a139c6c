package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Atom;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libX11 calls that jna-platform's {@code X11} lacks, or maps in a way that cannot be used: the
 * selection calls, the keyboard mapping as a pointer to free, and XGetWindowProperty with its
 * {@code Bool} as an int (jna-platform passes a Java boolean, which does not reach the server as
 * the 1 the protocol requires). The error handlers are {@link XErrorTrap}'s. Public only because JNA proxies it;
 * the package is not exported.
 */
public interface XlibExtraLibrary extends Library {

  XlibExtraLibrary INSTANCE = Native.load("X11", XlibExtraLibrary.class);

  int XSetSelectionOwner(Display display, Atom selection, Window owner, NativeLong time);

  Window XGetSelectionOwner(Display display, Atom selection);

  int XConvertSelection(Display display, Atom selection, Atom target, Atom property,
      Window requestor, NativeLong time);

  /** The keysyms of {@code count} keycodes; free with XFree. */
  Pointer XGetKeyboardMapping(Display display, byte firstKeycode, int count,
      IntByReference keysymsPerKeycode);

  int XChangeKeyboardMapping(Display display, int firstKeycode, int keysymsPerKeycode,
      NativeLong[] keysyms, int numCodes);

  int XGetWindowProperty(Display display, Window window, Atom property, NativeLong longOffset,
      NativeLong longLength, int delete, Atom reqType, X11.AtomByReference actualType,
      IntByReference actualFormat, NativeLongByReference nitems, NativeLongByReference bytesAfter,
      PointerByReference prop);

  NativeLong XMaxRequestSize(Display display);

  NativeLong XExtendedMaxRequestSize(Display display);

  int XConnectionNumber(Display display);
}
