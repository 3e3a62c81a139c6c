package org.plugvnc.engine.internal.desktop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop as the viewers see it: the capture backend in use (swappable at any time), started
 * while at least one viewer is attached, with its changes fanned out to every attached viewer.
 * While no backend is available a black framebuffer of the last size stands in, so that viewers
 * are never dropped for a backend going away.
 */
public final class DesktopHub {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopHub.class);

  private final List<DesktopClient> clients = new CopyOnWriteArrayList<>();
  private volatile CaptureBackend backend;
  private volatile boolean running;
  private volatile Framebuffer framebuffer = new BlankFramebuffer(1024, 768);
  private volatile CursorShape cursor;
  private volatile Listener listener;

  /** The framebuffer viewers read now. Any thread. */
  public Framebuffer framebuffer() {
    return framebuffer;
  }

  /** The cursor shape now, or null. Any thread. */
  public CursorShape cursor() {
    return cursor;
  }

  /** Sends a key to the backend, if there is one. Any thread; never blocks. */
  public void key(KeyEvent e) {
    CaptureBackend b = currentIfRunning();
    if (b != null) {
      b.input().key(e);
    }
  }

  /** Sends a pointer event to the backend, if there is one. Any thread; never blocks. */
  public void pointer(PointerEvent e) {
    CaptureBackend b = currentIfRunning();
    if (b != null) {
      b.input().pointer(e);
    }
  }

  /** Lock-free: called on I/O threads, which must not wait for a backend starting or stopping. */
  private CaptureBackend currentIfRunning() {
    return running ? backend : null;
  }

  /** Attaches an authenticated viewer; the first one starts the backend. */
  public synchronized void attach(DesktopClient c) {
    clients.add(c);
    if (clients.size() == 1) {
      startBackend();
    }
  }

  /** Detaches a viewer; the last one stops the backend. */
  public synchronized void detach(DesktopClient c) {
    if (clients.remove(c) && clients.isEmpty()) {
      stopBackend();
    }
  }

  /**
   * Uses {@code next} from now on (null: none). Attached viewers see the new desktop as a resize
   * to its size, or a full repaint when the size is the same.
   */
  public synchronized void useBackend(CaptureBackend next) {
    if (next == backend) {
      return;
    }
    Framebuffer old = framebuffer;
    stopBackend();
    backend = next;
    if (next == null) {
      framebuffer = new BlankFramebuffer(old.width(), old.height());
      cursor = null;
    }
    if (!clients.isEmpty()) {
      startBackend();
    }
    Framebuffer now = framebuffer;
    for (DesktopClient c : clients) {
      c.desktopResized(now.width(), now.height());
      c.desktopCursorChanged(cursor);
    }
  }

  private void startBackend() {
    if (backend == null || running) {
      return;
    }
    Listener l = new Listener();
    listener = l;
    try {
      backend.start(l);
      running = true;
      framebuffer = backend.framebuffer();
      cursor = backend.cursor();
    } catch (RuntimeException e) {
      LOG.error("capture backend {} failed to start", backend, e);
      listener = null;
      for (DesktopClient c : clients) {
        c.desktopFailed("the desktop could not be started: " + e.getMessage());
      }
    }
  }

  private void stopBackend() {
    if (!running) {
      return;
    }
    running = false;
    listener = null;
    Framebuffer last = framebuffer;
    try {
      backend.stop();
    } catch (RuntimeException e) {
      LOG.warn("capture backend {} failed to stop cleanly", backend, e);
    }
    framebuffer = new BlankFramebuffer(last.width(), last.height());
  }

  /** Receives one start's reports; ignores anything after that start has ended. */
  private final class Listener implements DesktopListener {

    private boolean current() {
      return listener == this;
    }

    @Override
    public void damaged(Region region) {
      if (current()) {
        clients.forEach(c -> c.desktopDamaged(region));
      }
    }

    @Override
    public void copied(Rect target, Point source) {
      if (current()) {
        clients.forEach(c -> c.desktopCopied(target, source));
      }
    }

    @Override
    public void resized(int width, int height) {
      if (current()) {
        // No hub lock here: stop() may hold it while waiting for the very thread calling us.
        CaptureBackend b = backend;
        if (b != null) {
          framebuffer = b.framebuffer();
        }
        clients.forEach(c -> c.desktopResized(width, height));
      }
    }

    @Override
    public void cursorChanged(CursorShape shape) {
      if (current()) {
        cursor = shape;
        clients.forEach(c -> c.desktopCursorChanged(shape));
      }
    }

    @Override
    public void bell() {
      if (current()) {
        clients.forEach(DesktopClient::desktopBell);
      }
    }
  }
}
