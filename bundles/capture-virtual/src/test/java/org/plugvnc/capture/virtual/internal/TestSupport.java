package org.plugvnc.capture.virtual.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.clipboard.ClipboardListener;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** Shared test doubles: configurations, a recording listener, a recording clipboard, a clock. */
final class TestSupport {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private TestSupport() {}

  static VirtualDesktopConfiguration config(int width, int height, String mode, String title) {
    return config(width, height, mode, title, 0, 8);
  }

  static VirtualDesktopConfiguration config(
      int width, int height, String mode, String title, int scrollSteps, int scrollPixels) {
    return new VirtualDesktopConfiguration() {
      @Override
      public int width() {
        return width;
      }

      @Override
      public int height() {
        return height;
      }

      @Override
      public String mode() {
        return mode;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public int scrollSteps() {
        return scrollSteps;
      }

      @Override
      public int scrollPixels() {
        return scrollPixels;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return VirtualDesktopConfiguration.class;
      }
    };
  }

  static VirtualDesktopConfiguration testPattern(int width, int height) {
    return config(width, height, "test-pattern", "plugvnc");
  }

  static VirtualDesktopConfiguration scrollingPattern(int width, int height, int steps, int rows) {
    return config(width, height, "test-pattern", "plugvnc", steps, rows);
  }

  /** Every pixel of the framebuffer, read through the public contract. */
  static int[] readAll(VirtualDesktop desktop) {
    int w = desktop.framebuffer().width();
    int h = desktop.framebuffer().height();
    int[] all = new int[w * h];
    desktop.framebuffer().read(new Rect(0, 0, w, h), all, 0, w);
    return all;
  }

  /** One copy the backend reported. */
  record Copy(Rect target, Point source) {}

  /** Records every call from the backend; thread-safe. */
  static class RecordingListener implements DesktopListener {
    final List<Region> damage = new CopyOnWriteArrayList<>();
    final List<int[]> resizes = new CopyOnWriteArrayList<>();
    final List<CursorShape> cursors = new CopyOnWriteArrayList<>();
    final List<Copy> copies = new CopyOnWriteArrayList<>();
    /** Damage (as a Region) and copies (as a Copy) in the order they were reported. */
    final List<Object> pixelEvents = new CopyOnWriteArrayList<>();
    volatile int bells;

    @Override
    public void damaged(Region region) {
      damage.add(region);
      pixelEvents.add(region);
    }

    @Override
    public void copied(Rect target, Point source) {
      copies.add(new Copy(target, source));
      pixelEvents.add(new Copy(target, source));
    }

    @Override
    public void resized(int width, int height) {
      resizes.add(new int[] {width, height});
    }

    @Override
    public void cursorChanged(CursorShape shape) {
      cursors.add(shape);
    }

    @Override
    public synchronized void bell() {
      bells++;
    }

    /** The union of all damage reported so far. */
    Region allDamage() {
      Region all = Region.EMPTY;
      for (Region r : damage) {
        all = all.union(r);
      }
      return all;
    }

    void clear() {
      damage.clear();
      resizes.clear();
      cursors.clear();
      copies.clear();
      pixelEvents.clear();
      bells = 0;
    }
  }

  /**
   * A viewer's copy of the framebuffer, kept the way a viewer keeps it: it starts from the whole
   * framebuffer, then, in the order reported, moves its own pixels for each copy (CopyRect) and
   * reads only the damaged pixels afresh. Pixels a backend changed without reporting them (or
   * moved without reporting the copy) stay stale, and {@link #pixels} shows it. Events arrive on
   * the desktop thread, which paints nothing while a listener runs, so reading the damage in the
   * callback sees the pixels as that report left them. The size must stay fixed.
   */
  static final class MirrorViewer extends RecordingListener {
    private final Framebuffer framebuffer;
    private final int width;
    private final int[] mirror;

    /** Starts from the framebuffer's pixels now: make it before the backend starts. */
    MirrorViewer(Framebuffer framebuffer) {
      this.framebuffer = framebuffer;
      width = framebuffer.width();
      mirror = new int[width * framebuffer.height()];
      fullUpdate();
    }

    /**
     * Reads every pixel, as a viewer's first full update does: start() repaints without
     * reporting it. Call right after start() returns, before the first tick.
     */
    synchronized void fullUpdate() {
      framebuffer.read(new Rect(0, 0, width, framebuffer.height()), mirror, 0, width);
    }

    @Override
    public synchronized void damaged(Region region) {
      super.damaged(region);
      for (Rect r : region.rects()) {
        framebuffer.read(r, mirror, r.y() * width + r.x(), width);
      }
    }

    @Override
    public synchronized void copied(Rect target, Point source) {
      super.copied(target, source);
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

    /** What the viewer shows now. */
    synchronized int[] pixels() {
      return mirror.clone();
    }
  }

  /** A clipboard that keeps the last text and origin and tells its listeners synchronously. */
  static final class RecordingClipboard implements Clipboard {
    final List<ClipboardListener> listeners = new CopyOnWriteArrayList<>();
    final List<Object> origins = new ArrayList<>();
    private volatile String text = "";

    @Override
    public String text() {
      return text;
    }

    @Override
    public void setText(String newText, Object origin) {
      text = newText;
      synchronized (origins) {
        origins.add(origin);
      }
      for (ClipboardListener l : listeners) {
        l.clipboardChanged(newText, origin);
      }
    }

    @Override
    public void addListener(ClipboardListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeListener(ClipboardListener listener) {
      listeners.remove(listener);
    }
  }

  /** A clock that stands still until a test moves it. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      now = start;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
