package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11.Atom;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;

/**
 * libXfixes' selection-owner notifications (XFIXES 1.0 and later, Xfixes.h), which jna-platform
 * does not map.
 */
public interface XFixesSelectionLibrary extends Library {

  XFixesSelectionLibrary INSTANCE = Native.load("Xfixes", XFixesSelectionLibrary.class);

  /** Offset of {@code XFixesSelectionNotify} from the extension's event base. */
  int XFixesSelectionNotify = 0;

  /** Event mask bit: the selection got a new owner (or none). */
  int XFixesSetSelectionOwnerNotifyMask = 1;

  boolean XFixesQueryExtension(Display display, IntByReference eventBase,
      IntByReference errorBase);

  int XFixesQueryVersion(Display display, IntByReference major, IntByReference minor);

  void XFixesSelectSelectionInput(Display display, Window window, Atom selection,
      NativeLong eventMask);

  /** Xfixes.h's {@code XFixesSelectionNotifyEvent}, read from an XEvent's memory. */
  @Structure.FieldOrder({"type", "serial", "send_event", "display", "window", "subtype", "owner",
      "selection", "timestamp", "selection_timestamp"})
  final class XFixesSelectionNotifyEvent extends Structure {
    public int type;
    public NativeLong serial;
    public int send_event;
    public Pointer display;
    public NativeLong window;
    public int subtype;
    public NativeLong owner;
    public NativeLong selection;
    public NativeLong timestamp;
    public NativeLong selection_timestamp;

    XFixesSelectionNotifyEvent(Pointer memory) {
      super(memory);
      read();
    }
  }
}
