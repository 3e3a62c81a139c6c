package org.plugvnc.engine.internal.desktop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
 *
 * <p>Starting and stopping a backend may take a while (connecting to an X server; {@code stop()}
 * may wait for a capture thread), so every attach, detach and backend change runs on the hub's own
 * thread, one at a time, never on a Netty I/O thread: one viewer arriving or leaving must not stall
 * the other sessions sharing its event loop.
 */
public final class DesktopHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopHub.class);

  private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "plugvnc-desktop");
    t.setDaemon(true);
    return t;
  });
  private final List<DesktopClient> clients = new CopyOnWriteArrayList<>();
  private volatile CaptureBackend backend;
  private volatile boolean running;
  private volatile Framebuffer framebuffer = new BlankFramebuffer(1024, 768);
  private volatile CursorShape cursor;
  private volatile Listener listener;
  /** Told of the backend's clipboard changes. */
  private volatile Consumer<String> clipboardSink = text -> {};
  /** Where the pointer is, x in the high half and y in the low; -1 while unknown. */
  private volatile long pointerAt = -1;
  /**
   * Whether the backend tells where its pointer is (DesktopListener.pointerMoved): a real screen's
   * pointer, which viewers without a cursor pseudo-encoding then see drawn into their picture.
   */
  private volatile boolean pointerTracked;

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

  /**
   * Sends viewer {@code from}'s pointer event to the backend, if there is one, and tells every
   * viewer where the pointer went, {@code from} as its own move. Any thread; never blocks.
   */
  public void pointer(PointerEvent e, DesktopClient from) {
    CaptureBackend b = currentIfRunning();
    if (b != null) {
      b.input().pointer(e);
    }
    pointerMovedTo(e.x(), e.y(), from);
  }

  /**
   * Where the pointer is, as {@code {x, y}}, or null unless the backend tracks its pointer (it has
   * reported a position since it started). Any thread.
   */
  public int[] pointerPosition() {
    long at = pointerAt;
    return at < 0 || !pointerTracked ? null : new int[] {(int) (at >>> 32), (int) at};
  }

  private void pointerMovedTo(int x, int y, DesktopClient from) {
    long at = (long) x << 32 | (y & 0xFFFFFFFFL);
    if (at != pointerAt) {
      pointerAt = at;
      clients.forEach(c -> c.desktopPointerMoved(x, y, c == from));
    }
  }

  /**
   * Gives a viewer's clipboard text to the backend, if it runs and has a clipboard of its own. Any
   * thread; never blocks.
   */
  public void clipboardFromViewer(String text) {
    CaptureBackend b = currentIfRunning();
    if (b != null) {
      try {
        b.clipboardFromViewer(text);
      } catch (RuntimeException e) {
        LOG.warn("capture backend {} failed to take the clipboard text", b, e);
      }
    }
  }

  /** Where the backend's clipboard changes go from now on. */
  public void clipboardSink(Consumer<String> sink) {
    clipboardSink = sink;
  }

  /** Lock-free: called on I/O threads, which must not wait for a backend starting or stopping. */
  private CaptureBackend currentIfRunning() {
    return running ? backend : null;
  }

  /**
   * Attaches an authenticated viewer; the first one starts the backend. Returns at once; {@code
   * started} runs on the hub's thread once the backend runs (or failed to start, in which case
   * {@code c} was told through {@link DesktopClient#desktopFailed} first). Any thread.
   */
  public void attach(DesktopClient c, Runnable started) {
    onHubThread(() -> {
      clients.add(c);
      if (clients.size() == 1) {
        startBackend();
      }
      started.run();
    });
  }

  /** Detaches a viewer; the last one stops the backend. Returns at once. Any thread. */
  public void detach(DesktopClient c) {
    onHubThread(() -> {
      if (clients.remove(c) && clients.isEmpty()) {
        stopBackend();
      }
    });
  }

  /**
   * Uses {@code next} from now on (null: none), returning once the change is done. Attached viewers
   * see the new desktop as a resize to its size, or a full repaint when the size is the same. Called
   * by the server component on a framework thread, never on an I/O thread.
   */
  public void useBackend(CaptureBackend next) {
    Future<?> done;
    try {
      done = lifecycle.submit(() -> switchTo(next));
    } catch (RejectedExecutionException closed) {
      return;
    }
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      LOG.error("switching the capture backend failed", e.getCause());
    } catch (TimeoutException e) {
      LOG.warn("switching the capture backend takes more than 10 s; it goes on in the background");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code task} on the hub's thread; nothing once the hub is closed (the server stopped). */
  private void onHubThread(Runnable task) {
    try {
      lifecycle.execute(task);
    } catch (RejectedExecutionException closed) {
      // sessions closing after the server stopped detach from a hub that is gone
    }
  }

  /** Stops the backend and the hub's thread, waiting briefly. */
  @Override
  public void close() {
    useBackend(null);
    lifecycle.shutdown();
    try {
      lifecycle.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void switchTo(CaptureBackend next) {
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
    pointerTracked = false;
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
        // Not on the hub thread: stop() may be running there, waiting for the very thread calling us.
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

    @Override
    public void clipboardChanged(String text) {
      if (current() && text != null) {
        clipboardSink.accept(text);
      }
    }

    @Override
    public void pointerMoved(int x, int y) {
      if (current()) {
        pointerTracked = true;
        pointerMovedTo(x, y, null);
      }
    }

    @Override
    public void failed(String reason) {
      if (current()) {
        LOG.warn("plugvnc: the desktop failed: {}", reason);
        clients.forEach(c -> c.desktopFailed(reason));
      }
    }
  }
}
