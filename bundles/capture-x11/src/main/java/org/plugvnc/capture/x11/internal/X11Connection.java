package org.plugvnc.capture.x11.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.platform.unix.X11.WindowByReference;
import com.sun.jna.platform.unix.X11.XEvent;
import com.sun.jna.platform.unix.X11.XWindowAttributes;
import com.sun.jna.ptr.IntByReference;
import org.plugvnc.api.pixel.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to an X display and what the backend asked of it: the root window's geometry and
 * visual, and the events of XFixes (cursor), RandR (size) and Xkb (bell) that were found. Used on
 * the X thread only, from {@link #open} to {@link #close}.
 */
final class X11Connection implements AutoCloseable {

  /** Larger screens are refused rather than allocated: 16384 pixels a side, 2^26 in all. */
  static final int MAX_SIDE = 16384;
  static final long MAX_PIXELS = 1L << 26;

  private static final Logger LOG = LoggerFactory.getLogger(X11Connection.class);

  final X11Libraries libs;
  final Display display;
  private final String name;
  final Window root;
  final NativeLong rootId;
  private final XEvent event = new XEvent();
  private final int fixesEvent;
  private final int randrEvent;
  private final int xkbEvent;
  private int damageEvent = -1;
  private XWindowAttributes attributes;
  private Display cursorCompanion;
  private VisualFields visual;

  private X11Connection(X11Libraries libs, Display display, String name) {
    this.libs = libs;
    this.display = display;
    this.name = name;
    this.root = libs.x11.XRootWindow(display, libs.x11.XDefaultScreen(display));
    this.rootId = new NativeLong(root.longValue());
    fixesEvent = selectCursorEvents();
    randrEvent = selectScreenEvents();
    xkbEvent = selectBellEvents();
  }

  /**
   * Opens {@code name} (null or empty: the DISPLAY environment variable; Xlib reads XAUTHORITY).
   *
   * @throws IllegalStateException when the display cannot be opened or its screen is unusable
   */
  static X11Connection open(X11Libraries libs, String name) {
    String shown = name == null || name.isEmpty() ? System.getenv("DISPLAY") : name;
    String opened = name == null || name.isEmpty() ? null : name;
    Display display = XErrorTrap.open(libs, opened);
    if (display == null) {
      throw new IllegalStateException("cannot open X display " + shown);
    }
    X11Connection c = new X11Connection(libs, display, opened);
    try {
      c.readGeometry();
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Reads the root window's size, depth and visual again (after a RandR change).
   *
   * @throws IllegalStateException when the server does not answer or the size is out of bounds
   */
  void readGeometry() {
    XWindowAttributes a = new XWindowAttributes();
    if (libs.x11.XGetWindowAttributes(display, root, a) == 0 || broken()) {
      throw new IllegalStateException("the X server did not describe its root window");
    }
    if (a.width <= 0 || a.height <= 0 || a.width > MAX_SIDE || a.height > MAX_SIDE
        || (long) a.width * a.height > MAX_PIXELS) {
      throw new IllegalStateException("X screen of " + a.width + "x" + a.height + " is too large");
    }
    attributes = a;
    visual = new VisualFields(a.visual.getPointer());
  }

  int width() {
    return attributes.width;
  }

  int height() {
    return attributes.height;
  }

  int depth() {
    return attributes.depth;
  }

  XWindowAttributes attributes() {
    return attributes;
  }

  VisualFields visual() {
    return visual;
  }

  /** Asks for XDamage on the root window; returns the damage handle, or null without DAMAGE. */
  NativeLong createDamage() {
    if (libs.damage == null || libs.fixes == null) {
      return null;
    }
    IntByReference base = new IntByReference();
    IntByReference error = new IntByReference();
    if (!libs.damage.XDamageQueryExtension(display, base, error)) {
      LOG.info("the X server has no DAMAGE extension: comparing tiles instead");
      return null;
    }
    damageEvent = base.getValue() + XDamage.NOTIFY;
    return libs.damage.XDamageCreate(display, rootId, XDamage.REPORT_NON_EMPTY);
  }

  /** Whether the connection broke (the server went away); every call fails from then on. */
  boolean broken() {
    return XErrorTrap.broken(display);
  }

  /** Reads every event queued, noting what they ask for in {@code out}. */
  void drainEvents(X11Events out) {
    while (!broken() && libs.x11.XPending(display) > 0) {
      libs.x11.XNextEvent(display, event);
      int type = event.getPointer().getInt(0);
      if (type == damageEvent) {
        out.damaged = true;
      } else if (type == fixesEvent) {
        out.cursorChanged = true;
      } else if (type == randrEvent) {
        libs.randr.XRRUpdateConfiguration(event.getPointer());
        out.screenChanged = true;
      } else if (type == xkbEvent && xkbType() == XlibExtras.XKB_BELL_NOTIFY) {
        out.bells++;
      }
    }
  }

  /** Where the pointer is on the root window, or null when the server does not say. */
  Point pointer() {
    IntByReference x = new IntByReference();
    IntByReference y = new IntByReference();
    IntByReference ignored = new IntByReference();
    boolean same = libs.x11.XQueryPointer(display, root, new WindowByReference(),
        new WindowByReference(), x, y, ignored, ignored, ignored);
    return same && !broken() ? new Point(x.getValue(), y.getValue()) : null;
  }

  /**
   * Opens, once, a second connection that asks for XFixes and stays idle, and says whether it
   * did. Seen with Xvfb 21.1.7 and libXfixes 6.0.0: once the cursor changed, XFixesGetCursorImage
   * returns NULL (no X error) on a client that is the server's only XFixes client; with a second
   * one connected it returns the image again. Called when a read failed; X thread only.
   */
  boolean openCursorCompanion() {
    if (cursorCompanion != null || broken()) {
      return false;
    }
    cursorCompanion = XErrorTrap.open(libs, name);
    if (cursorCompanion == null) {
      return false;
    }
    libs.fixes.XFixesQueryExtension(cursorCompanion, new IntByReference(), new IntByReference());
    libs.fixes.XFixesQueryVersion(cursorCompanion, new IntByReference(5), new IntByReference(0));
    libs.x11.XSync(cursorCompanion, false);
    return true;
  }

  @Override
  public void close() {
    if (cursorCompanion != null) {
      XErrorTrap.close(libs.x11, cursorCompanion);
    }
    // After an I/O error XCloseDisplay only frees; the exit handler stays set until it returns.
    XErrorTrap.close(libs.x11, display);
  }

  /** XkbAnyEvent's xkb_type: after type, serial, send_event, display and time. */
  private int xkbType() {
    return event.getPointer().getInt(5L * Native.LONG_SIZE);
  }

  private int selectCursorEvents() {
    if (libs.fixes == null) {
      return -1;
    }
    IntByReference base = new IntByReference();
    IntByReference error = new IntByReference();
    if (!libs.fixes.XFixesQueryExtension(display, base, error)) {
      LOG.info("the X server has no XFIXES: no cursor shape, and damage by tile comparison");
      return -1;
    }
    libs.fixes.XFixesQueryVersion(display, new IntByReference(5), new IntByReference(0));
    libs.fixes.XFixesSelectCursorInput(display, root, new NativeLong(XFixes.DISPLAY_CURSOR_NOTIFY_MASK));
    return base.getValue() + XFixes.CURSOR_NOTIFY;
  }

  private int selectScreenEvents() {
    if (libs.randr == null) {
      return -1;
    }
    IntByReference base = new IntByReference();
    IntByReference error = new IntByReference();
    if (!libs.randr.XRRQueryExtension(display, base, error)) {
      LOG.info("the X server has no RANDR: size changes are not followed");
      return -1;
    }
    libs.randr.XRRSelectInput(display, root, XRandr.SCREEN_CHANGE_NOTIFY_MASK);
    return base.getValue() + XRandr.SCREEN_CHANGE_NOTIFY;
  }

  private int selectBellEvents() {
    IntByReference opcode = new IntByReference();
    IntByReference base = new IntByReference();
    IntByReference error = new IntByReference();
    if (!libs.xlib.XkbQueryExtension(display, opcode, base, error, new IntByReference(1),
        new IntByReference(0))) {
      LOG.info("the X server has no XKEYBOARD: the bell is not passed on");
      return -1;
    }
    NativeLong mask = new NativeLong(XlibExtras.XKB_BELL_NOTIFY_MASK);
    libs.xlib.XkbSelectEvents(display, XlibExtras.XKB_USE_CORE_KBD, mask, mask);
    return base.getValue();
  }
}
