package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.platform.unix.X11;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native libraries, loaded once per class loader. libX11 is required; the extension libraries
 * are optional (null when missing), and a missing one turns its feature off with a log line rather
 * than failing the backend.
 */
final class X11Libraries {

  private static final Logger LOG = LoggerFactory.getLogger(X11Libraries.class);
  private static volatile X11Libraries loaded;

  final X11 x11;
  final XlibExtras xlib;
  final XShm shm;
  final SysVShm sysv;
  final XDamage damage;
  final XFixes fixes;
  final XRandr randr;

  private X11Libraries() {
    x11 = X11.INSTANCE;
    xlib = Native.load("X11", XlibExtras.class);
    shm = optional("Xext", XShm.class);
    sysv = optional("c", SysVShm.class);
    damage = optional("Xdamage", XDamage.class);
    fixes = optional("Xfixes", XFixes.class);
    randr = optional("Xrandr", XRandr.class);
  }

  /**
   * The libraries.
   *
   * @throws IllegalStateException when libX11 cannot be loaded (Debian: libx11-6)
   */
  static X11Libraries get() {
    X11Libraries l = loaded;
    if (l == null) {
      synchronized (X11Libraries.class) {
        l = loaded;
        if (l == null) {
          try {
            l = new X11Libraries();
          } catch (LinkageError e) {
            throw new IllegalStateException("libX11 cannot be loaded (install libx11-6): " + e, e);
          }
          loaded = l;
        }
      }
    }
    return l;
  }

  private static <T extends Library> T optional(String name, Class<T> type) {
    try {
      return Native.load(name, type);
    } catch (LinkageError e) {
      LOG.warn("lib{} cannot be loaded; the X11 backend goes without it: {}", name, e.toString());
      return null;
    }
  }
}
