package org.plugvnc.capture.x11.internal;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Xlib connection, used by exactly one thread (Xlib is not thread-safe, and XInitThreads
 * cannot be called safely from a bundle that does not know whether Xlib was used before it).
 *
 * <p>Losing the X server must never end the JVM. Xlib's defaults call {@code exit()} twice over:
 * {@code _XIOError} (libX11 1.8, XlibInt.c) first calls the process-wide I/O error handler, whose
 * default {@code _XDefaultIOError} never returns, and then the per-display exit handler
 * ({@code XSetIOErrorExitHandler}, libX11 1.7 and later), whose default calls {@code exit(1)}. When
 * both are replaced by handlers that return, {@code _XIOError} returns and the Xlib call that met
 * the broken connection returns to its caller; the display is flagged, later calls on it return at
 * once, and XCloseDisplay only frees it. So this class installs, once per JVM, an I/O error handler
 * that logs and returns, and a protocol error handler that logs and returns (the default prints and
 * exits), and sets on every display it opens an exit handler that marks the connection lost and
 * returns. The owning thread checks {@link #lost()} after its calls and stops.
 *
 * <p>What this cannot cover: an I/O error inside XOpenDisplay itself, before there is a display to
 * give an exit handler (the connection breaking during the handshake), still exits. A handler
 * installed by other code after ours (the handlers are process-wide) replaces ours; Debian's libX11
 * 1.8.4 is what this was checked against. The process-wide parts of Xlib (the display list,
 * the handlers) are touched only under one JVM-wide lock, since without XInitThreads Xlib does
 * not lock them itself. Errors on displays that are not ours go to the handler another library
 * (AWT, say) had installed before, unless that was Xlib's exiting default.
 */
final class X11Connection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(X11Connection.class);
  private static final Object XLIB_GLOBALS = new Object();
  /** Open displays by their pointer, so that the process-wide handlers can name them. */
  private static final Map<Pointer, X11Connection> OPEN = new ConcurrentHashMap<>();

  // Held in static fields: a callback collected by the GC would leave Xlib calling freed code.
  private static final XlibExtraLibrary.ErrorHandler ERROR_HANDLER = X11Connection::onError;
  private static final XlibExtraLibrary.IoErrorHandler IO_ERROR_HANDLER = X11Connection::onIoError;
  private static final XlibExtraLibrary.IoErrorExitHandler EXIT_HANDLER = X11Connection::onExit;
  private static boolean handlersInstalled;
  /** The handlers ours replaced, when they are not Xlib's exiting defaults; else null. */
  private static volatile Function previousErrorHandler;
  private static volatile Function previousIoErrorHandler;

  private final Display display;
  private final String name;
  private final String purpose;
  private volatile boolean lost;
  private boolean closed;

  private X11Connection(Display display, String name, String purpose) {
    this.display = display;
    this.name = name;
    this.purpose = purpose;
  }

  /**
   * Opens {@code displayName} (null for DISPLAY) on the calling thread, which alone may use it.
   *
   * @throws IllegalStateException when the display cannot be opened
   */
  static X11Connection open(String displayName, String purpose) {
    String shown = displayName != null ? displayName : System.getenv("DISPLAY");
    synchronized (XLIB_GLOBALS) {
      if (!handlersInstalled) {
        previousErrorHandler = unlessDefault(
            XlibExtraLibrary.INSTANCE.XSetErrorHandler(ERROR_HANDLER), "_XDefaultError");
        previousIoErrorHandler = unlessDefault(
            XlibExtraLibrary.INSTANCE.XSetIOErrorHandler(IO_ERROR_HANDLER), "_XDefaultIOError");
        handlersInstalled = true;
      }
      Display display = X11.INSTANCE.XOpenDisplay(displayName);
      if (display == null) {
        throw new IllegalStateException("cannot open X display " + shown);
      }
      XlibExtraLibrary.INSTANCE.XSetIOErrorExitHandler(display, EXIT_HANDLER, null);
      X11Connection connection = new X11Connection(display, shown, purpose);
      OPEN.put(display.getPointer(), connection);
      return connection;
    }
  }

  Display display() {
    return display;
  }

  String name() {
    return name;
  }

  /** True once Xlib reported the connection broken; every later call on it does nothing. */
  boolean lost() {
    return lost;
  }

  /** Closes the display (also a lost one, which only frees it). Idempotent. */
  @Override
  public void close() {
    synchronized (XLIB_GLOBALS) {
      if (closed) {
        return;
      }
      closed = true;
      X11.INSTANCE.XCloseDisplay(display);
      OPEN.remove(display.getPointer());
    }
  }

  private static int onError(Pointer display, Pointer event) {
    // XErrorEvent (Xlib.h): int type; Display *display; XID resourceid; unsigned long serial;
    // unsigned char error_code, request_code, minor_code: every member before error_code is
    // pointer-sized once aligned.
    long resource = event.getNativeLong(2L * Native.POINTER_SIZE).longValue();
    int error = Byte.toUnsignedInt(event.getByte(4L * Native.POINTER_SIZE));
    int request = Byte.toUnsignedInt(event.getByte(4L * Native.POINTER_SIZE + 1));
    int minor = Byte.toUnsignedInt(event.getByte(4L * Native.POINTER_SIZE + 2));
    X11Connection connection = OPEN.get(display);
    Function previous = previousErrorHandler;
    if (connection == null && previous != null) {
      return previous.invokeInt(new Object[] {display, event}); // another library's display
    }
    LOG.warn("X error on {}: error code {}, request {}.{}, resource 0x{}",
        connection != null ? connection.describe() : "an X display", error, request, minor,
        Long.toHexString(resource));
    return 0;
  }

  private static int onIoError(Pointer display) {
    X11Connection connection = OPEN.get(display);
    Function previous = previousIoErrorHandler;
    if (connection == null && previous != null) {
      return previous.invokeInt(new Object[] {display});
    }
    LOG.warn("the X server of {} went away (connection broken)",
        connection != null ? connection.describe() : "an X display");
    return 0;
  }

  private static void onExit(Pointer display, Pointer userData) {
    X11Connection connection = OPEN.get(display);
    if (connection != null) {
      connection.lost = true;
    }
  }

  /**
   * The handler another library (AWT, say) installed before ours, to pass its own displays'
   * errors on to; null when it is Xlib's default, which would print and exit.
   */
  private static Function unlessDefault(Pointer handler, String defaultName) {
    if (handler == null) {
      return null;
    }
    try {
      Pointer xlibDefault = NativeLibrary.getInstance("X11").getGlobalVariableAddress(defaultName);
      if (handler.equals(xlibDefault)) {
        return null;
      }
    } catch (UnsatisfiedLinkError e) {
      return null; // cannot tell: never risk calling an exiting default
    }
    return Function.getFunction(handler);
  }

  private String describe() {
    return purpose + " on " + name;
  }
}
