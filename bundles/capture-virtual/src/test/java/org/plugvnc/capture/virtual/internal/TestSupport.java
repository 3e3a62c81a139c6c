package org.plugvnc.capture.virtual.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** Shared test helpers: configurations, a recording listener, a mirroring viewer, a clock. */
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
  static int[] readAll(VirtualBackend desktop) {
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
    final List<String> clipboard = new CopyOnWriteArrayList<>();
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

    @Override
    public void clipboardChanged(String text) {
      clipboard.add(text);
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
      clipboard.clear();
      bells = 0;
    }
  }

  /**
   * A viewer's copy of the framebuffer, kept the way a viewer keeps it: it starts from the whole
   * framebuffer ({@link #fullUpdate}, right after start), then, in the order reported, moves its
   * own pixels for each copy (CopyRect) and reads only the damaged pixels afresh. Pixels a backend
   * changed without reporting them (or moved without reporting the copy) stay stale, and
   * {@link #pixels} shows it. Reports come under the framebuffer's lock, so reading the damage in
   * the callback sees the pixels as that report left them. The size must stay fixed.
   */
  static final class MirrorViewer extends RecordingListener {
    private final Framebuffer framebuffer;
    private int width;
    private int[] mirror;
    /** Counts reports, so that a full read can tell none came in between. */
    private long reports;

    MirrorViewer(Framebuffer framebuffer) {
      this.framebuffer = framebuffer;
    }

    /**
     * Reads every pixel, as a viewer's first full update does. The read holds the framebuffer's
     * lock and a report holds it too, then this viewer's: to keep that order the read is done
     * without this viewer's lock and taken only if no report came while it ran.
     */
    void fullUpdate() {
      while (true) {
        long before;
        synchronized (this) {
          before = reports;
        }
        int w = framebuffer.width();
        int[] all = new int[w * framebuffer.height()];
        framebuffer.read(new Rect(0, 0, w, framebuffer.height()), all, 0, w);
        synchronized (this) {
          if (reports == before) {
            width = w;
            mirror = all;
            return;
          }
        }
      }
    }

    @Override
    public synchronized void damaged(Region region) {
      super.damaged(region);
      reports++;
      if (mirror == null) {
        return;
      }
      for (Rect r : region.rects()) {
        framebuffer.read(r, mirror, r.y() * width + r.x(), width);
      }
    }

    @Override
    public synchronized void copied(Rect target, Point source) {
      super.copied(target, source);
      reports++;
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

    /** What the viewer shows now. */
    synchronized int[] pixels() {
      return mirror.clone();
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
