package org.plugvnc.capture.x11.internal;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X display as a desktop. Between {@link #start} and {@link #stop} a {@link CaptureThread}
 * keeps the framebuffer up to date; input and the clipboard go through their own X connections
 * ({@link X11Input}, {@link X11Clipboard}). While stopped nothing talks to the X server.
 */
final class X11Backend implements CaptureBackend, CaptureThread.Owner {

  /** Before the first connection the desktop has this size. */
  static final int DEFAULT_WIDTH = 1024;
  static final int DEFAULT_HEIGHT = 768;
  /** The largest X selection passed to viewers. */
  static final int CLIPBOARD_MAX_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(X11Backend.class);
  private static final long CONNECT_WAIT_MILLIS = 5000;
  private static final long STOP_WAIT_MILLIS = 3000;

  /** What one start..stop holds. */
  private record Running(CaptureThread thread, X11Input input, X11Clipboard clipboard) {}

  private final X11Settings settings;
  private final X11Framebuffer framebuffer = new X11Framebuffer(DEFAULT_WIDTH, DEFAULT_HEIGHT);
  private final InputSink input = new ViewerInput();
  private final Object lifecycle = new Object();
  private volatile Running running;
  private volatile CursorShape cursor;
  private volatile Point viewerPointer;

  X11Backend(X11Settings settings) {
    this.settings = settings;
  }

  X11Settings settings() {
    return settings;
  }

  /**
   * Connects to the display and starts capturing. When the display cannot be opened, throws with
   * {@code onServerLost=close}; otherwise shows a blank desktop and keeps trying in the background.
   */
  @Override
  public void start(DesktopListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lifecycle) {
      if (running != null) {
        throw new IllegalStateException("X11 backend already started");
      }
      CaptureThread thread = new CaptureThread(settings, framebuffer, listener, this);
      try {
        thread.start().get(CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (settings.closeOnLoss() || cause instanceof IllegalStateException && !connectable(cause)) {
          thread.stop(STOP_WAIT_MILLIS);
          throw new IllegalStateException("X display " + settings.shownDisplay()
              + " cannot be captured: " + cause.getMessage(), cause);
        }
        LOG.warn("X display {} not there yet ({}); showing a blank desktop while reconnecting",
            settings.shownDisplay(), cause.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        thread.stop(STOP_WAIT_MILLIS);
        throw new IllegalStateException("interrupted while opening the X display", e);
      }
      X11Input input = null;
      try {
        input = new X11Input(settings.display());
        running = new Running(thread, input, new X11Clipboard(settings.display(),
            CLIPBOARD_MAX_BYTES, listener::clipboardChanged));
      } catch (RuntimeException e) {
        // Nothing of this start may outlive it: a capture thread left behind would reconnect and
        // write the framebuffer for ever.
        if (input != null) {
          input.close();
        }
        thread.stop(STOP_WAIT_MILLIS);
        throw new IllegalStateException("X display " + settings.shownDisplay()
            + " cannot take input or the clipboard: " + e.getMessage(), e);
      }
    }
  }

  /** Whether trying again may help (a missing server), unlike a missing libX11. */
  private static boolean connectable(Throwable cause) {
    return !(cause.getCause() instanceof LinkageError);
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      Running r = running;
      if (r == null) {
        return;
      }
      running = null;
      if (!r.thread().stop(STOP_WAIT_MILLIS)) {
        LOG.warn("the X11 capture thread did not end within {} ms", STOP_WAIT_MILLIS);
      }
      closeQuietly(r.input());
      closeQuietly(r.clipboard());
    }
  }

  @Override
  public Framebuffer framebuffer() {
    return framebuffer;
  }

  @Override
  public InputSink input() {
    return input;
  }

  @Override
  public CursorShape cursor() {
    return cursor;
  }

  @Override
  public void clipboardFromViewer(String text) {
    Running r = running;
    if (r != null && text != null) {
      r.clipboard().set(text);
    }
  }

  @Override
  public void cursorNow(CursorShape shape) {
    cursor = shape;
  }

  @Override
  public Point viewerPointer() {
    return viewerPointer;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", c, e);
    }
  }

  /** Notes where viewers put the pointer (so that it is not reported back) and passes it on. */
  private final class ViewerInput implements InputSink {
    @Override
    public void key(KeyEvent event) {
      Running r = running;
      if (r != null && event != null) {
        r.input().key(event);
      }
    }

    @Override
    public void pointer(PointerEvent event) {
      Running r = running;
      if (r != null && event != null) {
        viewerPointer = new Point(event.x(), event.y());
        r.input().pointer(event);
      }
    }
  }
}
