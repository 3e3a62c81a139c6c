package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;

/** The XFIXES extension (libXfixes): server-side regions and the cursor image. */
interface XFixes extends Library {


  int CURSOR_NOTIFY = 1;
  long DISPLAY_CURSOR_NOTIFY_MASK = 1;

  /**
   * {@code XFixesCursorImage}. Its {@code pixels} are {@code unsigned long} each: 8 bytes on a
   * 64-bit system with only the low 32 bits holding premultiplied ARGB.
   */
  @FieldOrder({"x", "y", "width", "height", "xhot", "yhot", "cursorSerial", "pixels"})
  class CursorImage extends Structure {
    public short x;
    public short y;
    public short width;
    public short height;
    public short xhot;
    public short yhot;
    public NativeLong cursorSerial;
    public Pointer pixels;

    public CursorImage(Pointer image) {
      super(image);
      read();
    }
  }

  boolean XFixesQueryExtension(Display display, IntByReference eventBase, IntByReference errorBase);

  boolean XFixesQueryVersion(Display display, IntByReference major, IntByReference minor);

  NativeLong XFixesCreateRegion(Display display, Pointer rectangles, int count);

  void XFixesDestroyRegion(Display display, NativeLong region);

  /** An array of {@code XRectangle} (short x, y; unsigned short width, height) to XFree. */
  Pointer XFixesFetchRegion(Display display, NativeLong region, IntByReference count);

  /** An {@code XFixesCursorImage*} to XFree, or null. */
  Pointer XFixesGetCursorImage(Display display);

  void XFixesSelectCursorInput(Display display, Window window, NativeLong mask);
}
