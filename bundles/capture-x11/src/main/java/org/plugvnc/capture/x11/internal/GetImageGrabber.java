package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Display;
import org.plugvnc.api.pixel.Rect;

/** Reads with {@code XGetImage}: the pixels come through the X connection. Works everywhere. */
final class GetImageGrabber implements ScreenGrabber {

  static final NativeLong ALL_PLANES = new NativeLong(-1L);

  private final X11Libraries libs;
  private final Display display;
  private final NativeLong root;
  private Pointer last;

  GetImageGrabber(X11Libraries libs, Display display, NativeLong root) {
    this.libs = libs;
    this.display = display;
    this.root = root;
  }

  @Override
  public Image grab(Rect area) {
    release();
    Pointer image = libs.xlib.XGetImage(display, root, area.x(), area.y(), area.width(),
        area.height(), ALL_PLANES, XlibExtras.Z_PIXMAP);
    if (image == null) {
      return null;
    }
    last = image;
    XImageFields f = new XImageFields(image);
    return new Image(f.data, f.bytesPerLine, f.width, f.height);
  }

  /** The layout of the images this display sends, read from a one-pixel image; null on failure. */
  static XImageFields probe(X11Libraries libs, Display display, NativeLong root) {
    Pointer image = libs.xlib.XGetImage(display, root, 0, 0, 1, 1, ALL_PLANES, XlibExtras.Z_PIXMAP);
    if (image == null) {
      return null;
    }
    XImageFields f = new XImageFields(image);
    libs.xlib.XDestroyImage(image);
    return f;
  }

  @Override
  public String method() {
    return "XGetImage";
  }

  @Override
  public void close() {
    release();
  }

  private void release() {
    if (last != null) {
      libs.xlib.XDestroyImage(last);
      last = null;
    }
  }
}
