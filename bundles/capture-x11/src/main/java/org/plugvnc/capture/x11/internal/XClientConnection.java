package org.plugvnc.capture.x11.internal;

import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;

/**
 * One Xlib connection of the input or the clipboard, used by exactly one thread (Xlib is not
 * thread-safe, and XInitThreads cannot be called safely from a bundle that does not know whether
 * Xlib was used before it).
 *
 * <p>Losing the X server must never end the JVM: the display is opened through {@link XErrorTrap},
 * whose process-wide handlers and per-display exit handler return instead of exiting (its class
 * comment says how libX11 1.8 gets there). The owning thread checks {@link #lost()} after its
 * calls and stops. All displays of the bundle are opened and closed one at a time
 * ({@link XErrorTrap#open}), since without XInitThreads Xlib does not lock its display list.
 */
final class XClientConnection implements AutoCloseable {

  private final Display display;
  private final String name;
  private boolean closed;

  private XClientConnection(Display display, String name) {
    this.display = display;
    this.name = name;
  }

  /**
   * Opens {@code displayName} (null for DISPLAY) on the calling thread, which alone may use it.
   *
   * @param purpose what the connection is for, in the log
   * @throws IllegalStateException when the display cannot be opened
   */
  static XClientConnection open(String displayName, String purpose) {
    String shown = displayName != null ? displayName : System.getenv("DISPLAY");
    Display display = XErrorTrap.open(X11Libraries.get(), displayName);
    if (display == null) {
      throw new IllegalStateException("cannot open X display " + shown + " for " + purpose);
    }
    return new XClientConnection(display, shown);
  }

  Display display() {
    return display;
  }

  String name() {
    return name;
  }

  /** True once Xlib reported the connection broken; every later call on it does nothing. */
  boolean lost() {
    return XErrorTrap.broken(display);
  }

  /** Closes the display (also a lost one, which only frees it). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    XErrorTrap.close(X11.INSTANCE, display);
  }
}
