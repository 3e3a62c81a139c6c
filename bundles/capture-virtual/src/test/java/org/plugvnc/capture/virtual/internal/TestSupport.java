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
      public Class<? extends Annotation> annotationType() {
        return VirtualDesktopConfiguration.class;
      }
    };
  }

  static VirtualDesktopConfiguration testPattern(int width, int height) {
    return config(width, height, "test-pattern", "plugvnc");
  }

  /** Every pixel of the framebuffer, read through the public contract. */
  static int[] readAll(VirtualDesktop desktop) {
    int w = desktop.framebuffer().width();
    int h = desktop.framebuffer().height();
    int[] all = new int[w * h];
    desktop.framebuffer().read(new Rect(0, 0, w, h), all, 0, w);
    return all;
  }

  /** Records every call from the backend; thread-safe. */
  static final class RecordingListener implements DesktopListener {
    final List<Region> damage = new CopyOnWriteArrayList<>();
    final List<int[]> resizes = new CopyOnWriteArrayList<>();
    final List<CursorShape> cursors = new CopyOnWriteArrayList<>();
    final List<Rect> copies = new CopyOnWriteArrayList<>();
    volatile int bells;

    @Override
    public void damaged(Region region) {
      damage.add(region);
    }

    @Override
    public void copied(Rect target, Point source) {
      copies.add(target);
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
      bells = 0;
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
