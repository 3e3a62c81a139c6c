package org.plugvnc.itest;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;

/**
 * A backend of one colour and size with a clipboard of its own: it records the keys, the pointer
 * events and the clipboard texts it is given, and can report a clipboard change as an X selection would.
 */
final class SolidBackend implements CaptureBackend, Framebuffer {

  final int colour;
  final int width;
  final int height;
  final List<Integer> keysyms = new CopyOnWriteArrayList<>();
  final List<String> clipboard = new CopyOnWriteArrayList<>();
  final List<PointerEvent> pointer = new CopyOnWriteArrayList<>();
  private volatile DesktopListener listener;

  SolidBackend(int colour, int width, int height) {
    this.colour = colour;
    this.width = width;
    this.height = height;
  }

  /** The desktop's own clipboard changed (while started). */
  void clipboardChangedHere(String text) {
    DesktopListener l = listener;
    if (l != null) {
      l.clipboardChanged(text);
    }
  }

  @Override
  public void start(DesktopListener l) {
    listener = l;
  }

  @Override
  public void stop() {
    listener = null;
  }

  @Override
  public Framebuffer framebuffer() {
    return this;
  }

  @Override
  public InputSink input() {
    return new InputSink() {
      @Override
      public void key(KeyEvent event) {
        if (event.down()) {
          keysyms.add(event.keysym());
        }
      }

      @Override
      public void pointer(PointerEvent event) {
        pointer.add(event);
      }
    };
  }

  @Override
  public CursorShape cursor() {
    return null;
  }

  @Override
  public void clipboardFromViewer(String text) {
    clipboard.add(text);
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    if (area.x() < 0 || area.y() < 0 || area.right() > width || area.bottom() > height) {
      throw new IndexOutOfBoundsException(area + " is outside " + width + "x" + height);
    }
    for (int row = 0; row < area.height(); row++) {
      int from = offset + row * stride;
      Arrays.fill(dst, from, from + area.width(), colour);
    }
  }

  /** The whole picture, as a viewer should see it. */
  int[] picture() {
    int[] p = new int[width * height];
    Arrays.fill(p, colour);
    return p;
  }
}
