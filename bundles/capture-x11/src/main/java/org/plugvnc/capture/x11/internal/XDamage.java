package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.ptr.IntByReference;

/** The DAMAGE extension (libXdamage): which parts of the screen changed. */
interface XDamage extends Library {


  /** One event when the damage goes from empty to not empty; we subtract it into a region. */
  int REPORT_NON_EMPTY = 3;
  int NOTIFY = 0;

  boolean XDamageQueryExtension(Display display, IntByReference eventBase, IntByReference errorBase);

  NativeLong XDamageCreate(Display display, NativeLong drawable, int level);

  void XDamageDestroy(Display display, NativeLong damage);

  /** With {@code repair} None: moves all damage into {@code parts} (a region, or None). */
  void XDamageSubtract(Display display, NativeLong damage, NativeLong repair, NativeLong parts);
}
