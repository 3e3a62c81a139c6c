package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The trap shares Xlib's process-wide error handler with other libraries (AWT's, say): errors on
 * their displays go on to the handler they installed before it, its own displays' errors stay with
 * it, and releasing it gives the other library its handler back. Against a real Xvfb.
 */
class XErrorTrapTest {

  /** BadWindow (X11 protocol error code 3). */
  private static final int BAD_WINDOW = 3;
  /** A window id no client was given. */
  private static final X11.Window NO_SUCH_WINDOW = new X11.Window(0x7fffff0L);

  @Test
  void xlibsOwnExitingHandlerIsRecognisedAndAJavaOneIsNot() {
    X11Libraries libs = X11Libraries.get();
    X11.XErrorHandler current = libs.x11.XSetErrorHandler(null); // null installs Xlib's default
    X11.XErrorHandler xlibDefault = libs.x11.XSetErrorHandler(current);
    assertTrue(XErrorTrap.isXlibDefault(xlibDefault, "_XDefaultError"));
    X11.XErrorHandler java = (display, event) -> 0;
    assertFalse(XErrorTrap.isXlibDefault(java, "_XDefaultError"));
  }

  @Test
  void errorsOnAnotherLibrarysDisplayReachItsHandlerAndOursStayWithTheTrap() throws Exception {
    X11Libraries libs = X11Libraries.get();
    try (XvfbServer xvfb = XvfbServer.start()) {
      // Start from no trap installed (earlier tests in this JVM may have installed it).
      XErrorTrap.retain();
      XErrorTrap.release();
      AtomicInteger foreignErrors = new AtomicInteger();
      X11.XErrorHandler foreign = (display, event) -> {
        foreignErrors.incrementAndGet();
        return 0;
      };
      X11.XErrorHandler before = libs.x11.XSetErrorHandler(foreign);
      Display theirs = libs.x11.XOpenDisplay(xvfb.display());
      assertNotNull(theirs);
      XErrorTrap.retain();
      Display ours = XErrorTrap.open(libs, xvfb.display());
      try {
        libs.x11.XDestroyWindow(theirs, NO_SUCH_WINDOW);
        libs.x11.XSync(theirs, false);
        assertEquals(1, foreignErrors.get(), "the other library's handler saw its error");

        XErrorTrap.clearError(ours);
        libs.x11.XDestroyWindow(ours, NO_SUCH_WINDOW);
        libs.x11.XSync(ours, false);
        assertEquals(BAD_WINDOW, XErrorTrap.lastError(ours));
        assertEquals(1, foreignErrors.get(), "the trap kept its own display's error");
      } finally {
        XErrorTrap.close(libs.x11, ours);
        XErrorTrap.release();
      }
      X11.XErrorHandler afterRelease = libs.x11.XSetErrorHandler(before);
      assertEquals(Pointer.nativeValue(CallbackReference.getFunctionPointer(foreign)),
          Pointer.nativeValue(CallbackReference.getFunctionPointer(afterRelease)),
          "releasing the trap put the other library's handler back");
      libs.x11.XCloseDisplay(theirs);
    }
  }
}
