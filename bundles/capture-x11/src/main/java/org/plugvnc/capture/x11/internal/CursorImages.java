package org.plugvnc.capture.x11.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.plugvnc.api.capture.CursorShape;

/** The cursor as XFixes shows it, turned into a {@link CursorShape}. */
final class CursorImages {

  private CursorImages() {}

  /** A shape read from the X server with its serial, to see whether it changed. */
  record Read(long serial, CursorShape shape) {}

  /**
   * The current cursor, or null when the server has no XFixes or sends none now (try again
   * later). X thread only. A NULL reply is retried once with {@link X11Connection#openCursorCompanion}.
   */
  static Read read(X11Libraries libs, X11Connection x) {
    if (libs.fixes == null) {
      return null;
    }
    Pointer p = libs.fixes.XFixesGetCursorImage(x.display);
    if (p == null && x.openCursorCompanion()) {
      p = libs.fixes.XFixesGetCursorImage(x.display);
    }
    if (p == null) {
      return null;
    }
    try {
      XFixes.CursorImage image = new XFixes.CursorImage(p);
      if (image.cursorSerial.longValue() == 0) {
        return null; // the placeholder the server sends before it has the new cursor (see above)
      }
      int w = image.width & 0xFFFF;
      int h = image.height & 0xFFFF;
      if (w > 1024 || h > 1024 || image.pixels == null) {
        return new Read(image.cursorSerial.longValue(), null);
      }
      int[] argb = new int[w * h];
      // unsigned long per pixel: 8 bytes on 64-bit systems, the ARGB in the low 32 bits.
      if (Native.LONG_SIZE == 8) {
        long[] raw = image.pixels.getLongArray(0, w * h);
        for (int i = 0; i < raw.length; i++) {
          argb[i] = unpremultiply((int) raw[i]);
        }
      } else {
        int[] raw = image.pixels.getIntArray(0, w * h);
        for (int i = 0; i < raw.length; i++) {
          argb[i] = unpremultiply(raw[i]);
        }
      }
      int hotX = Math.min(Math.max(0, image.xhot & 0xFFFF), Math.max(0, w - 1));
      int hotY = Math.min(Math.max(0, image.yhot & 0xFFFF), Math.max(0, h - 1));
      return new Read(image.cursorSerial.longValue(), new CursorShape(w, h, hotX, hotY, argb));
    } finally {
      libs.x11.XFree(p);
    }
  }

  /** XFixes (like Render) gives premultiplied alpha; CursorShape wants it straight. */
  static int unpremultiply(int premultiplied) {
    int a = premultiplied >>> 24;
    if (a == 0) {
      return 0;
    }
    if (a == 255) {
      return premultiplied;
    }
    int r = Math.min(255, ((premultiplied >> 16) & 0xFF) * 255 / a);
    int g = Math.min(255, ((premultiplied >> 8) & 0xFF) * 255 / a);
    int b = Math.min(255, (premultiplied & 0xFF) * 255 / a);
    return a << 24 | r << 16 | g << 8 | b;
  }
}
