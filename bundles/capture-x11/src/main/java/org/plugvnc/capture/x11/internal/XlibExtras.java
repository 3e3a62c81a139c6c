package org.plugvnc.capture.x11.internal;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Colormap;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;

/**
 * The libX11 calls that jna-platform's {@code X11} lacks or gets wrong: image capture with a
 * readable {@code XImage}, the error handlers, colour queries and the Xkb bell. Everything else
 * comes from {@link com.sun.jna.platform.unix.X11}.
 */
interface XlibExtras extends Library {


  int Z_PIXMAP = 2;
  int XKB_USE_CORE_KBD = 0x100;
  long XKB_BELL_NOTIFY_MASK = 1L << 8;
  int XKB_BELL_NOTIFY = 8;

  /**
   * Xlib's protocol error handler. The event is read through {@link ErrorEvent}: jna-platform's
   * {@code X11.XErrorEvent} (5.19.1) declares {@code resourceid} last, where Xlib's {@code
   * XErrorEvent} has it third, so its {@code error_code} is a byte of the serial number.
   */
  interface ErrorHandler extends Callback {
    int apply(Pointer display, Pointer event);
  }

  /** Xlib's {@code XErrorEvent}, in Xlib's field order. */
  @com.sun.jna.Structure.FieldOrder({"type", "display", "resourceid", "serial", "error_code",
      "request_code", "minor_code"})
  final class ErrorEvent extends com.sun.jna.Structure {
    public int type;
    public Pointer display;
    public NativeLong resourceid;
    public NativeLong serial;
    public byte error_code;
    public byte request_code;
    public byte minor_code;

    ErrorEvent(Pointer event) {
      super(event);
      read();
    }
  }

  ErrorHandler XSetErrorHandler(ErrorHandler handler);

  /** Called by Xlib when the connection breaks; returning hands over to the exit handler. */
  interface IoErrorHandler extends Callback {
    int apply(Pointer display);
  }

  /** Xlib's per-display fatal I/O error exit; the default calls exit(3), ours returns. */
  interface IoErrorExitHandler extends Callback {
    void apply(Pointer display, Pointer userData);
  }

  /** Returns an {@code XImage*} (null on error) that {@link #XDestroyImage} frees with its data. */
  Pointer XGetImage(Display display, NativeLong drawable, int x, int y, int width, int height,
      NativeLong planeMask, int format);

  int XDestroyImage(Pointer image);

  IoErrorHandler XSetIOErrorHandler(IoErrorHandler handler);

  /** libX11 1.7 and later. */
  void XSetIOErrorExitHandler(Display display, IoErrorExitHandler handler, Pointer userData);

  int XQueryColors(Display display, Colormap colormap, XColor[] colours, int count);

  int XDisplayHeight(Display display, int screen);

  boolean XkbQueryExtension(Display display, IntByReference opcode, IntByReference eventBase,
      IntByReference errorBase, IntByReference major, IntByReference minor);

  boolean XkbSelectEvents(Display display, int deviceSpec, NativeLong affect, NativeLong values);

  int XSelectInput(Display display, Window window, NativeLong mask);
}
