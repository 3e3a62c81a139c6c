package org.plugvnc.capture.x11.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the X server for one start..stop of the backend: it connects,
 * captures until the connection breaks or it is told to stop, and reconnects with back-off. All
 * Xlib calls of the capture connection happen here (Xlib is not thread-safe).
 */
final class CaptureThread implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CaptureThread.class);

  /** What the thread reports back to its backend besides the listener. */
  interface Owner {
    void cursorNow(CursorShape shape);

    /** The last position a viewer put the pointer at, or null. */
    Point viewerPointer();
  }

  private final X11Settings settings;
  private final X11Framebuffer framebuffer;
  private final DesktopListener listener;
  private final Owner owner;
  private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
  private final Consumer<Region> report;
  private final Thread thread;
  private volatile boolean stopping;
  /** Rounds left to read a changed cursor the server could not give yet. */
  private static final int CURSOR_RETRIES = 50;

  private long cursorSerial = -1;
  private int cursorRetries;
  private Point lastPointer;
  private boolean lossShown;

  CaptureThread(X11Settings settings, X11Framebuffer framebuffer, DesktopListener listener,
      Owner owner) {
    this.settings = settings;
    this.framebuffer = framebuffer;
    this.listener = listener;
    this.owner = owner;
    this.report = listener::damaged;
    this.thread = new Thread(this, "plugvnc-x11 " + settings.shownDisplay());
    thread.setDaemon(true);
  }

  /** Starts the thread; the future completes at the first connection's outcome. */
  CompletableFuture<Void> start() {
    thread.start();
    return firstConnection;
  }

  /** Asks the thread to end and waits up to {@code millis}; false if it is still running. */
  boolean stop(long millis) {
    stopping = true;
    thread.interrupt();
    if (Thread.currentThread() == thread) {
      return true;
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  @Override
  public void run() {
    X11Libraries libs;
    try {
      libs = X11Libraries.get();
    } catch (IllegalStateException e) {
      firstConnection.completeExceptionally(e);
      return;
    }
    long backoff = settings.reconnectMinMillis();
    while (!stopping) {
      String reason;
      try (X11Connection x = X11Connection.open(libs, settings.display())) {
        reason = capture(x);
        backoff = settings.reconnectMinMillis();
      } catch (IllegalStateException e) {
        reason = e.getMessage();
        firstConnection.completeExceptionally(e);
      } catch (RuntimeException e) {
        LOG.warn("X11 capture of {} failed", settings.shownDisplay(), e);
        reason = "X11 capture failed: " + e;
        firstConnection.completeExceptionally(e);
      }
      if (stopping) {
        break;
      }
      lost(reason);
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        break;
      }
      backoff = Math.min(settings.reconnectMaxMillis(), backoff * 2);
    }
  }

  /** Captures from a fresh connection until it breaks or the thread stops; returns why it ended. */
  private String capture(X11Connection x) {
    ScreenCapture screen = connected(x);
    try {
      X11Events events = new X11Events();
      while (!stopping && !x.broken()) {
        events.clear();
        x.drainEvents(events);
        if (x.broken()) {
          break;
        }
        if (events.screenChanged) {
          x.readGeometry();
          if (x.width() != framebuffer.width() || x.height() != framebuffer.height()) {
            screen.close();
            screen = resizedTo(x);
          }
        }
        if (!screen.captureChanges(events.damaged, report) && x.broken()) {
          break;
        }
        if (events.cursorChanged) {
          cursorRetries = CURSOR_RETRIES;
        }
        if (cursorRetries > 0 && readCursor(x)) {
          cursorRetries = 0;
        } else if (cursorRetries > 0) {
          cursorRetries--;
        }
        for (int i = 0; i < events.bells; i++) {
          listener.bell();
        }
        followPointer(x);
        try {
          Thread.sleep(settings.pollMillis());
        } catch (InterruptedException e) {
          stopping = true;
        }
      }
    } finally {
      screen.close();
    }
    return "the X server of display " + settings.shownDisplay() + " went away";
  }

  /** A new connection: the framebuffer takes its size and all its pixels, the cursor its shape. */
  private ScreenCapture connected(X11Connection x) {
    ScreenCapture screen = resizedTo(x);
    lossShown = false;
    LOG.info("capturing X display {} ({}x{}, depth {}) with {}{}", settings.shownDisplay(),
        x.width(), x.height(), x.depth(), screen.method(),
        screen.usesDamage() ? " and XDamage" : " and tile comparison");
    cursorSerial = -1;
    cursorRetries = readCursor(x) ? 0 : CURSOR_RETRIES;
    firstConnection.complete(null);
    return screen;
  }

  private ScreenCapture resizedTo(X11Connection x) {
    if (x.width() != framebuffer.width() || x.height() != framebuffer.height()) {
      synchronized (framebuffer.lock()) {
        framebuffer.resize(x.width(), x.height());
        listener.resized(x.width(), x.height());
      }
    }
    ScreenCapture screen = new ScreenCapture(x, framebuffer, settings.shm(), settings.damage());
    if (!screen.captureAll(report) && !x.broken()) {
      LOG.warn("the X server of {} sent no picture of its screen", settings.shownDisplay());
    }
    return screen;
  }

  /** Reads the cursor and reports it if it changed; false when the server had none to give. */
  private boolean readCursor(X11Connection x) {
    CursorImages.Read read = CursorImages.read(x.libs, x);
    if (read == null) {
      return false;
    }
    if (read.serial() != cursorSerial) {
      cursorSerial = read.serial();
      owner.cursorNow(read.shape());
      listener.cursorChanged(read.shape());
    }
    return true;
  }

  /** Reports the pointer when it moved and it was not a viewer who put it there. */
  private void followPointer(X11Connection x) {
    Point p = x.pointer();
    if (p == null || p.equals(lastPointer)) {
      return;
    }
    lastPointer = p;
    if (!p.equals(owner.viewerPointer())) {
      listener.pointerMoved(p.x(), p.y());
    }
  }

  /** The server is gone (or never came): blank the desktop, or close its viewers, once. */
  private void lost(String reason) {
    if (lossShown) {
      return;
    }
    lossShown = true;
    LOG.warn("{}; reconnecting", reason);
    if (settings.closeOnLoss()) {
      listener.failed(reason);
      return;
    }
    synchronized (framebuffer.lock()) {
      framebuffer.clear();
      listener.damaged(Region.of(new Rect(0, 0, framebuffer.width(), framebuffer.height())));
    }
  }
}
