package org.plugvnc.engine.internal.display;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * A viewer's picture kept the way a viewer keeps it: the whole framebuffer once, then each copy
 * moves its own pixels and each damage reads the damaged pixels afresh, in the order reported.
 * Reports arrive under the framebuffer lock, so a read in the callback sees the pixels as that
 * report left them. Records every other call too. The size must stay fixed.
 */
class MirrorListener implements DesktopListener {
  final List<Region> damage = new CopyOnWriteArrayList<>();
  final List<Rect> copies = new CopyOnWriteArrayList<>();
  final List<int[]> resizes = new CopyOnWriteArrayList<>();
  final List<CursorShape> cursors = new CopyOnWriteArrayList<>();
  final List<String> clipboard = new CopyOnWriteArrayList<>();
  volatile int bells;
  private Framebuffer framebuffer;
  private int width;
  private int[] mirror;

  /** Reads the whole framebuffer, as a viewer's first full update does, after start returns. */
  synchronized void fullUpdate(Framebuffer fb) {
    framebuffer = fb;
    width = fb.width();
    mirror = new int[width * fb.height()];
    fb.read(new Rect(0, 0, width, fb.height()), mirror, 0, width);
  }

  synchronized int[] pixels() {
    return mirror.clone();
  }

  @Override
  public synchronized void damaged(Region region) {
    damage.add(region);
    if (mirror != null) {
      for (Rect r : region.rects()) {
        framebuffer.read(r, mirror, r.y() * width + r.x(), width);
      }
    }
  }

  @Override
  public synchronized void copied(Rect target, Point source) {
    copies.add(target);
    if (mirror == null) {
      return;
    }
    int[] moved = new int[target.width() * target.height()];
    for (int row = 0; row < target.height(); row++) {
      System.arraycopy(mirror, (source.y() + row) * width + source.x(), moved,
          row * target.width(), target.width());
    }
    for (int row = 0; row < target.height(); row++) {
      System.arraycopy(moved, row * target.width(), mirror,
          (target.y() + row) * width + target.x(), target.width());
    }
  }

  @Override
  public void resized(int w, int h) {
    resizes.add(new int[] {w, h});
  }

  @Override
  public void cursorChanged(CursorShape shape) {
    cursors.add(shape);
  }

  @Override
  public synchronized void bell() {
    bells++;
  }

  @Override
  public void clipboardChanged(String text) {
    clipboard.add(text);
  }
}
