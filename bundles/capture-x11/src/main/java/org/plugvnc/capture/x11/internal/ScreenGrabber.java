package org.plugvnc.capture.x11.internal;

import com.sun.jna.Pointer;
import org.plugvnc.api.pixel.Rect;

/** Reads an area of the root window from the X server. Used on the X thread only. */
interface ScreenGrabber extends AutoCloseable {

  /** Pixels as the server sent them: {@code height} rows of {@code bytesPerLine} bytes. */
  record Image(Pointer data, int bytesPerLine, int width, int height) {}

  /**
   * Reads {@code area} (inside the screen). The image stays valid until the next grab or close.
   *
   * @return the image, or null when the server refused (an X error, the connection broken)
   */
  Image grab(Rect area);

  /** How it reads, for logs: {@code MIT-SHM} or {@code XGetImage}. */
  String method();

  /** Frees what it holds on both sides; never throws. */
  @Override
  void close();
}
