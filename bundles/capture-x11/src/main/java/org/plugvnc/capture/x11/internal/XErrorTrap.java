package org.plugvnc.capture.x11.internal;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Xlib from ending the JVM. Xlib's default handlers call {@code exit()}: on a protocol error
 * (an X error such as BadAccess from MIT-SHM on a remote display) and on an I/O error (the X
 * server went away). The handlers here record the event for the display it happened on and
 * return, which the X thread then reads.
 *
 * <p>An I/O error passes through two hooks (libX11's {@code _XIOError}): the process-wide
 * {@code XSetIOErrorHandler} handler, whose return hands over to the per-display exit handler of
 * {@code XSetIOErrorExitHandler} (libX11 1.7 and later), which by default calls {@code exit()}.
 * Both must return for the process to survive: the call in progress then returns a failure, later
 * calls on that display fail at once, and {@code XCloseDisplay} frees it. {@link #watch} sets the
 * exit handler on each display as soon as it is opened; an I/O error inside {@code XOpenDisplay}
 * itself, before that, would still reach Xlib's default exit, so the process-wide handler parks
 * the thread opening the display instead of returning (see {@link #opening}).
 *
 * <p>The process-wide handlers are shared by every X connection of the JVM: install them once
 * with {@link #install} and never replace them elsewhere. Errors on displays this trap does not
 * watch (another library's, AWT's say) go on to the handler that was installed before, unless that
 * is Xlib's own, which would end the process.
 */
public final class XErrorTrap {

  private static final Logger LOG = LoggerFactory.getLogger(XErrorTrap.class);

  /** What went wrong on one display: the last protocol error, and whether the connection broke. */
  private static final class State {
    volatile int lastErrorCode;
    volatile int lastRequestCode;
    volatile boolean broken;
  }

  private static final Map<Pointer, State> STATES = new ConcurrentHashMap<>();
  /**
   * Held while a display is opened or closed: without XInitThreads Xlib does not lock its list of
   * displays, and the input, clipboard and capture threads open theirs independently.
   */
  private static final ReentrantLock DISPLAY_LIST = new ReentrantLock();
  private static final ThreadLocal<Boolean> OPENING = ThreadLocal.withInitial(() -> false);
  // Held in static fields: JNA callbacks must stay reachable while native code may call them.
  private static final XlibExtras.ErrorHandler ERROR_HANDLER = XErrorTrap::onError;
  private static final XlibExtras.IoErrorHandler IO_ERROR_HANDLER = XErrorTrap::onIoError;
  private static final XlibExtras.IoErrorExitHandler EXIT_HANDLER = XErrorTrap::onIoErrorExit;
  private static volatile boolean installed;
  private static int users;
  private static volatile XlibExtras.ErrorHandler previousErrorHandler;
  private static volatile XlibExtras.IoErrorHandler previousIoErrorHandler;

  private XErrorTrap() {}

  /** Installs the process-wide handlers, once until {@link #release}. */
  public static synchronized void install(X11Libraries libs) {
    if (!installed) {
      XlibExtras.ErrorHandler error = libs.xlib.XSetErrorHandler(ERROR_HANDLER);
      XlibExtras.IoErrorHandler io = libs.xlib.XSetIOErrorHandler(IO_ERROR_HANDLER);
      previousErrorHandler = isXlibDefault(error, "_XDefaultError") ? null : error;
      previousIoErrorHandler = isXlibDefault(io, "_XDefaultIOError") ? null : io;
      installed = true;
    }
  }

  /** Whether {@code handler} is libX11's function {@code symbol} (its defaults call exit). */
  static boolean isXlibDefault(Callback handler, String symbol) {
    if (handler == null) {
      return true;
    }
    try {
      Pointer address = CallbackReference.getFunctionPointer(handler);
      return Pointer.nativeValue(address)
          == Pointer.nativeValue(NativeLibrary.getInstance("X11").getFunction(symbol));
    } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
      return true; // cannot tell: never chain to what might exit
    }
  }

  /** Whether {@code handler} is this trap's {@code own} callback. */
  private static boolean isOwn(Callback handler, Callback own) {
    return handler != null && Pointer.nativeValue(CallbackReference.getFunctionPointer(handler))
        == Pointer.nativeValue(CallbackReference.getFunctionPointer(own));
  }

  /** One more user (a backend component) that needs the handlers while it exists. */
  public static synchronized void retain() {
    users++;
  }

  /**
   * One user fewer; the last one puts back the handlers that were there before, so that Xlib
   * never calls into this bundle's callbacks after its class loader is gone (a bundle update).
   * Call only once every display of that user is closed.
   */
  public static synchronized void release() {
    users = Math.max(0, users - 1);
    if (users == 0 && installed && STATES.isEmpty()) {
      X11Libraries libs = X11Libraries.get();
      // Null puts Xlib's default back, which is what was there when previous is null.
      XlibExtras.ErrorHandler error = libs.xlib.XSetErrorHandler(previousErrorHandler);
      XlibExtras.IoErrorHandler io = libs.xlib.XSetIOErrorHandler(previousIoErrorHandler);
      if (!isOwn(error, ERROR_HANDLER) || !isOwn(io, IO_ERROR_HANDLER)) {
        // Another library installed its handlers after these (and may chain to them): keep its
        // handlers, and keep these installed, since its chain may still lead here.
        libs.xlib.XSetErrorHandler(error);
        libs.xlib.XSetIOErrorHandler(io);
        LOG.warn("another library replaced plugvnc's X error handlers; they stay installed");
        return;
      }
      installed = false;
    }
  }

  /**
   * Opens {@code name} (null: DISPLAY) with the handlers in place and watches it; null when the
   * display cannot be opened. Call on the thread that will own the connection.
   */
  public static Display open(X11Libraries libs, String name) {
    install(libs);
    Display display;
    DISPLAY_LIST.lock();
    try {
      OPENING.set(true);
      display = libs.x11.XOpenDisplay(name);
    } finally {
      OPENING.set(false);
      DISPLAY_LIST.unlock();
    }
    if (display != null) {
      try {
        watch(libs, display);
      } catch (IllegalStateException e) {
        libs.x11.XCloseDisplay(display);
        throw e;
      }
    }
    return display;
  }

  /**
   * Sets the returning exit handler on {@code display} and starts recording its errors.
   *
   * @throws IllegalStateException when libX11 is older than 1.7 and has no exit handler: an X
   *     server going away would end the JVM
   */
  public static void watch(X11Libraries libs, Display display) {
    STATES.put(display.getPointer(), new State());
    try {
      libs.xlib.XSetIOErrorExitHandler(display, EXIT_HANDLER, null);
    } catch (UnsatisfiedLinkError e) {
      STATES.remove(display.getPointer());
      throw new IllegalStateException("libX11 has no XSetIOErrorExitHandler (it needs 1.7 or"
          + " later): losing the X server would end the JVM", e);
    }
  }

  /** Forgets {@code display} and closes it, one display at a time (see {@link #open}). */
  public static void close(X11 x11, Display display) {
    DISPLAY_LIST.lock();
    try {
      forget(display);
      x11.XCloseDisplay(display);
    } finally {
      DISPLAY_LIST.unlock();
    }
  }

  /** Stops recording for {@code display}; call before XCloseDisplay. */
  public static void forget(Display display) {
    STATES.remove(display.getPointer());
  }

  /** Whether the connection of {@code display} has broken (the X server went away). */
  public static boolean broken(Display display) {
    State s = STATES.get(display.getPointer());
    return s != null && s.broken;
  }

  /** Forgets the last protocol error of {@code display}. */
  public static void clearError(Display display) {
    State s = STATES.get(display.getPointer());
    if (s != null) {
      s.lastErrorCode = 0;
    }
  }

  /** The error code of the last protocol error on {@code display} since clearError, or 0. */
  public static int lastError(Display display) {
    State s = STATES.get(display.getPointer());
    return s == null ? 0 : s.lastErrorCode;
  }

  /** Whether this thread is inside {@link #open}; for the handler. */
  static boolean opening() {
    return OPENING.get();
  }

  private static int onError(Pointer display, Pointer eventPointer) {
    State s = display == null ? null : STATES.get(display);
    if (s == null && previousErrorHandler != null) {
      return previousErrorHandler.apply(display, eventPointer); // another library's display
    }
    XlibExtras.ErrorEvent event = new XlibExtras.ErrorEvent(eventPointer);
    int code = event.error_code & 0xFF;
    int request = event.request_code & 0xFF;
    if (s != null) {
      s.lastErrorCode = code;
      s.lastRequestCode = request;
    }
    LOG.debug("X error {} on request {}.{}", code, request, event.minor_code & 0xFF);
    return 0;
  }

  private static int onIoError(Pointer display) {
    State s = display == null ? null : STATES.get(display);
    if (s != null) {
      if (!s.broken) {
        LOG.info("the X connection broke (the X server went away)");
      }
      s.broken = true;
      return 0;
    }
    if (opening()) {
      // The exit handler is not set yet: returning would reach Xlib's exit(). Park this thread
      // (a lost backend thread) rather than end the JVM, letting the other threads open and close
      // their displays: this one never returns to open()'s unlock.
      LOG.error("the X server went away while the display was being opened; this thread stops");
      while (DISPLAY_LIST.isHeldByCurrentThread()) {
        DISPLAY_LIST.unlock();
      }
      while (true) {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          // keep parked: returning would end the process
        }
      }
    }
    // A display this trap never watched (another library's): its handler, if one was installed
    // before this trap, then that display's own exit handler decide.
    if (previousIoErrorHandler != null) {
      return previousIoErrorHandler.apply(display);
    }
    LOG.warn("X I/O error on a display plugvnc does not own");
    return 0;
  }

  private static void onIoErrorExit(Pointer display, Pointer userData) {
    State s = display == null ? null : STATES.get(display);
    if (s != null) {
      s.broken = true;
    }
  }
}
