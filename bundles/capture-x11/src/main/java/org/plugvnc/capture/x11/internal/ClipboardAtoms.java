package org.plugvnc.capture.x11.internal;

import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Atom;
import com.sun.jna.platform.unix.X11.Display;

/** The atoms the clipboard speaks (ICCCM 2.6.2), interned once per connection. */
final class ClipboardAtoms {

  final Atom clipboard;
  final Atom primary = X11.XA_PRIMARY;
  final Atom targets;
  final Atom utf8String;
  final Atom text;
  final Atom incr;

  ClipboardAtoms(Display display) {
    clipboard = X11.INSTANCE.XInternAtom(display, "CLIPBOARD", false);
    targets = X11.INSTANCE.XInternAtom(display, "TARGETS", false);
    utf8String = X11.INSTANCE.XInternAtom(display, "UTF8_STRING", false);
    text = X11.INSTANCE.XInternAtom(display, "TEXT", false);
    incr = X11.INSTANCE.XInternAtom(display, "INCR", false);
  }
}
