package org.plugvnc.engine.internal.desktop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.ResizeResult;
import org.plugvnc.api.capture.Screen;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * One registered backend as several desktops may show it: a backend is started once, however many
 * desktops show it (two desktops falling back to the same one, or configured with it), and what it
 * reports reaches each of them. Each desktop gets a {@linkplain #view view} of its own to start and
 * stop; the backend runs while at least one view is started. Thread-safe.
 */
public final class SharedBackend {

  private final CaptureBackend backend;
  private final List<DesktopListener> started = new CopyOnWriteArrayList<>();
  private final DesktopListener fanOut = new FanOut();
  /** Orders pointer reports with views joining, so a view joining late hears the latest first. */
  private final Object pointerLock = new Object();
  /** Where the backend last reported its pointer, {x, y}; null before any report. */
  private int[] lastPointer;

  public SharedBackend(CaptureBackend backend) {
    this.backend = backend;
  }

  /** The backend shared. */
  public CaptureBackend backend() {
    return backend;
  }

  /** A new view, for one desktop. */
  public CaptureBackend view() {
    return new View();
  }

  private synchronized void start(DesktopListener l) {
    // Listening before the start: what the backend reports while starting (its pointer) counts.
    // A view joining a running backend hears where its pointer is, which it reports only on moves.
    synchronized (pointerLock) {
      started.add(l);
      if (lastPointer != null) {
        l.pointerMoved(lastPointer[0], lastPointer[1]);
      }
    }
    if (started.size() == 1) {
      try {
        backend.start(fanOut);
      } catch (RuntimeException e) {
        started.remove(l);
        synchronized (pointerLock) {
          lastPointer = null;
        }
        throw e;
      }
    }
  }

  private synchronized void stop(DesktopListener l) {
    if (started.remove(l) && started.isEmpty()) {
      backend.stop();
      synchronized (pointerLock) {
        lastPointer = null; // a restarted backend reports its pointer again
      }
    }
  }

  @Override
  public String toString() {
    return String.valueOf(backend);
  }

  /** A desktop's handle on the backend. */
  private final class View implements CaptureBackend {
    private DesktopListener listener;

    @Override
    public synchronized void start(DesktopListener l) {
      if (listener != null) {
        throw new IllegalStateException("already started");
      }
      SharedBackend.this.start(l);
      listener = l;
    }

    @Override
    public synchronized void stop() {
      if (listener != null) {
        SharedBackend.this.stop(listener);
        listener = null;
      }
    }

    @Override
    public Framebuffer framebuffer() {
      return backend.framebuffer();
    }

    @Override
    public InputSink input() {
      return backend.input();
    }

    @Override
    public CursorShape cursor() {
      return backend.cursor();
    }

    @Override
    public ResizeResult setDesktopSize(int width, int height, List<Screen> screens) {
      return backend.setDesktopSize(width, height, screens);
    }

    @Override
    public List<Screen> screens() {
      return backend.screens();
    }

    @Override
    public void clipboardFromViewer(String text) {
      backend.clipboardFromViewer(text);
    }

    @Override
    public String toString() {
      return String.valueOf(backend);
    }
  }

  /** Tells every started view's listener. */
  private final class FanOut implements DesktopListener {
    @Override
    public void damaged(Region region) {
      started.forEach(l -> l.damaged(region));
    }

    @Override
    public void copied(Rect target, Point source) {
      started.forEach(l -> l.copied(target, source));
    }

    @Override
    public void resized(int width, int height) {
      started.forEach(l -> l.resized(width, height));
    }

    @Override
    public void cursorChanged(CursorShape shape) {
      started.forEach(l -> l.cursorChanged(shape));
    }

    @Override
    public void bell() {
      started.forEach(DesktopListener::bell);
    }

    @Override
    public void clipboardChanged(String text) {
      started.forEach(l -> l.clipboardChanged(text));
    }

    @Override
    public void pointerMoved(int x, int y) {
      synchronized (pointerLock) {
        lastPointer = new int[] {x, y};
        started.forEach(l -> l.pointerMoved(x, y));
      }
    }

    @Override
    public void failed(String reason) {
      started.forEach(l -> l.failed(reason));
    }
  }
}
