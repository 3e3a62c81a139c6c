package org.plugvnc.engine.internal.display;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Display} shown as a capture backend: the engine owns its pixels, asks it to paint the
 * areas it wants repainted and hands it the viewers' input.
 *
 * <p>Threads: one {@link DisplayThread} per start runs {@link Display#attached}, every paint, the
 * input and clipboard callbacks and {@link Display#detached}, one at a time. One lock, the
 * framebuffer lock, guards the pixels and the {@link RepaintTracker}; {@link #read} holds it while
 * it copies. A paint runs without it, into a scratch image of its area seeded with the current
 * pixels, and is written into the surface under it, where its damage is reported too. A move
 * ({@link #copyArea}) happens and is reported under it, so the engine never sees a copy the pixels
 * it read do not hold yet (see {@link DesktopListener#copied}).
 *
 * <p>The damage of a paint done while {@link #start} still waits for the first paint is not
 * reported: the engine reads the whole framebuffer after start returns. Everything else is.
 */
public final class DisplayBackend implements CaptureBackend, Framebuffer, DisplaySurface {

  /** Largest side of a surface, as {@link DisplaySurface#resize} allows. */
  static final int MAX_SIDE = 16384;

  private static final Logger LOG = LoggerFactory.getLogger(DisplayBackend.class);
  private static final long FIRST_PAINT_MILLIS = 2000;
  private static final long STOP_MILLIS = 2000;

  private final Display display;
  private final String name;
  private final Object lock = new Object();
  private final Object lifecycle = new Object();
  private final InputSink input = new Input();
  private final SurfacePixels pixels;
  private final RepaintTracker tracker = new RepaintTracker();
  private volatile int width;
  private volatile int height;
  private volatile CursorShape cursor;
  /** The thread of the current start; null while stopped. Written under the lock. */
  private volatile DisplayThread thread;
  /** A stopped thread still inside the display's code (guarded by lifecycle); the next waits. */
  private DisplayThread stalled;
  // Guarded by the lock:
  private DesktopListener listener;
  /** While start() waits for the first paint: its damage goes unreported, the engine reads all. */
  private boolean starting;
  private boolean paintQueued;
  private int generation;
  private CompletableFuture<Void> firstPaint = CompletableFuture.completedFuture(null);

  /** Shows {@code display} as the backend {@code name}; nothing runs until {@link #start}. */
  public DisplayBackend(Display display, String name) {
    this.display = Objects.requireNonNull(display, "display");
    this.name = Objects.requireNonNull(name, "name");
    pixels = new SurfacePixels(1, 1);
    publishSize();
  }

  /** The backend's name, the display's {@link Display#PROPERTY_NAME}. */
  public String name() {
    return name;
  }

  /**
   * Attaches the display and waits (up to 2 s) for its first full paint, then reports changes to
   * {@code listener} until {@link #stop}.
   *
   * @throws IllegalStateException if already started
   */
  @Override
  public void start(DesktopListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lifecycle) {
      if (thread != null) {
        throw new IllegalStateException("display " + name + " already started");
      }
      int w = side(call("width", display::width, 0), "width");
      int h = side(call("height", display::height, 0), "height");
      DisplayThread t = new DisplayThread("plugvnc-display-" + name);
      DisplayThread before = stalled != null && !stalled.ended() ? stalled : null;
      stalled = null;
      CompletableFuture<Void> painted;
      synchronized (lock) {
        if (w != pixels.width() || h != pixels.height()) {
          pixels.allocate(w, h);
          publishSize();
        }
        generation++;
        tracker.reset(pixels.bounds());
        this.listener = listener;
        starting = true;
        paintQueued = false;
        painted = new CompletableFuture<>();
        firstPaint = painted;
        thread = t;
        t.execute(() -> {
          if (before != null) {
            before.awaitEnd(); // the display is called on one thread at a time
          }
          attach(t);
        });
        queuePaint();
      }
      awaitQuietly(painted, FIRST_PAINT_MILLIS);
      synchronized (lock) {
        starting = false;
      }
      LOG.debug("display {} started, {}x{}", name, w, h);
    }
  }

  /** Detaches the display (on its thread, after what it is doing) and ends the thread. */
  @Override
  public void stop() {
    synchronized (lifecycle) {
      DisplayThread t;
      synchronized (lock) {
        t = thread;
        if (t == null) {
          return;
        }
        thread = null;
        listener = null;
        starting = false;
        tracker.clear();
        paintQueued = false;
        firstPaint.complete(null);
      }
      t.execute(() -> safely("detached", display::detached));
      if (!t.shutdown(STOP_MILLIS)) {
        stalled = t;
        LOG.warn("display {} still busy {} ms after it was stopped; a new start waits for it",
            name, STOP_MILLIS);
      }
      LOG.debug("display {} stopped", name);
    }
  }

  @Override
  public Framebuffer framebuffer() {
    return this;
  }

  @Override
  public InputSink input() {
    return input;
  }

  @Override
  public CursorShape cursor() {
    return cursor;
  }

  /** Hands {@code text} to {@link Display#clipboard} on the display's thread. */
  @Override
  public void clipboardFromViewer(String text) {
    if (text != null) {
      queueInput("clipboard", () -> display.clipboard(text));
    }
  }

  // Framebuffer and DisplaySurface

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
    synchronized (lock) {
      pixels.read(area, dst, offset, stride);
    }
  }

  @Override
  public void repaint(Rect area) {
    if (area == null) {
      return;
    }
    synchronized (lock) {
      Rect inside = area.intersect(pixels.bounds());
      if (thread != null && !inside.isEmpty()) {
        tracker.request(inside);
        queuePaint();
      }
    }
  }

  @Override
  public void repaintAll() {
    repaint(new Rect(0, 0, MAX_SIDE, MAX_SIDE));
  }

  @Override
  public void copyArea(Rect target, Point source) {
    if (target == null || source == null) {
      return;
    }
    int dx = target.x() - source.x();
    int dy = target.y() - source.y();
    synchronized (lock) {
      Rect bounds = pixels.bounds();
      if (thread == null || (dx == 0 && dy == 0)) {
        return;
      }
      Rect from = new Rect(source.x(), source.y(), target.width(), target.height());
      Rect moved = target.intersect(bounds).intersect(from.intersect(bounds).translate(dx, dy));
      // Target pixels whose source lies outside the surface have nothing to move: paint them.
      for (Rect rest : Region.of(target.intersect(bounds)).subtract(moved).rects()) {
        tracker.request(rest);
      }
      if (!moved.isEmpty()) {
        Point start = new Point(moved.x() - dx, moved.y() - dy);
        pixels.move(moved, start);
        tracker.moved(moved, start);
        if (listener != null) {
          listener.copied(moved, start);
        }
      }
      if (tracker.hasPending()) {
        queuePaint();
      }
    }
  }

  @Override
  public void resize(int newWidth, int newHeight) {
    if (newWidth < 1 || newHeight < 1 || newWidth > MAX_SIDE || newHeight > MAX_SIDE) {
      LOG.warn("display {} asked for a size of {}x{}, outside 1..{}: ignored", name, newWidth,
          newHeight, MAX_SIDE);
      return;
    }
    synchronized (lock) {
      if (thread == null || (newWidth == pixels.width() && newHeight == pixels.height())) {
        return;
      }
      pixels.allocate(newWidth, newHeight);
      publishSize();
      generation++;
      tracker.reset(pixels.bounds());
      if (listener != null) {
        listener.resized(newWidth, newHeight);
      }
      queuePaint();
    }
  }

  @Override
  public void cursor(CursorShape shape) {
    synchronized (lock) {
      if (thread != null) {
        cursor = shape;
        if (listener != null) {
          listener.cursorChanged(shape);
        }
      }
    }
  }

  @Override
  public void clipboard(String text) {
    synchronized (lock) {
      if (text != null && listener != null) {
        listener.clipboardChanged(text);
      }
    }
  }

  @Override
  public void bell() {
    synchronized (lock) {
      if (listener != null) {
        listener.bell();
      }
    }
  }

  /**
   * Waits until the display's thread has painted everything asked for so far and runs nothing
   * else; for tests. A display that keeps asking for repaints is never idle.
   *
   * @return whether it became idle within {@code timeoutMillis}
   */
  public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      DisplayThread t = thread;
      if (t == null) {
        return true;
      }
      CompletableFuture<Void> barrier = new CompletableFuture<>();
      if (t.execute(() -> barrier.complete(null))) {
        awaitQuietly(barrier, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
      }
      synchronized (lock) {
        if (thread != t || (tracker.idle() && !paintQueued)) {
          return true;
        }
      }
    }
    return false;
  }

  private void attach(DisplayThread t) {
    if (thread == t) {
      // The display's own cursor first: one it sets through the surface while attaching wins.
      cursor = call("cursor", display::cursor, null);
      safely("attached", () -> display.attached(this));
    }
  }

  /** Queues one paint step unless one is queued already; called under the lock. */
  private void queuePaint() {
    DisplayThread t = thread;
    if (!paintQueued && t != null) {
      paintQueued = t.execute(() -> paintStep(t));
    }
  }

  /** Paints the next pending area and writes what the moves meanwhile left valid of it. */
  private void paintStep(DisplayThread t) {
    Rect area;
    BufferedImage scratch;
    int paintedGeneration;
    synchronized (lock) {
      paintQueued = false;
      area = thread == t ? tracker.take() : null;
      if (area == null) {
        firstPaint.complete(null);
        return;
      }
      scratch = pixels.seed(area);
      paintedGeneration = generation;
    }
    boolean painted = paint(scratch, area);
    synchronized (lock) {
      Region writable = tracker.finish();
      if (painted && thread == t && paintedGeneration == generation && !writable.isEmpty()) {
        for (Rect r : writable.rects()) {
          pixels.write(scratch, area, r);
        }
        if (listener != null && !starting) {
          listener.damaged(writable);
        }
      }
      if (thread == t && tracker.hasPending()) {
        queuePaint();
      }
      firstPaint.complete(null);
    }
  }

  private boolean paint(BufferedImage scratch, Rect area) {
    Graphics2D g = null;
    try {
      g = scratch.createGraphics();
      g.translate(-area.x(), -area.y());
      g.clipRect(area.x(), area.y(), area.width(), area.height());
      display.paint(g, area);
      return true;
    } catch (RuntimeException | Error e) {
      LOG.warn("display {} failed to paint {}; the area stays as it was", name, area, e);
      return false;
    } finally {
      if (g != null) {
        g.dispose();
      }
    }
  }

  private void queueInput(String what, Runnable call) {
    DisplayThread t = thread;
    if (t == null) {
      LOG.debug("display {} is stopped: {} dropped", name, what);
    } else if (!t.executeInput(() -> {
      if (thread == t) {
        safely(what, call);
      }
    })) {
      LOG.debug("display {} input queue full: {} dropped", name, what);
    }
  }

  private void safely(String what, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("display {} failed in {}", name, what, e);
    }
  }

  private <T> T call(String what, Supplier<T> call, T fallback) {
    try {
      return call.get();
    } catch (RuntimeException | Error e) {
      LOG.warn("display {} failed in {}", name, what, e);
      return fallback;
    }
  }

  private int side(int value, String which) {
    int clamped = Math.max(1, Math.min(MAX_SIDE, value));
    if (clamped != value) {
      LOG.warn("display {} has a {} of {}, using {}", name, which, value, clamped);
    }
    return clamped;
  }

  private void publishSize() {
    width = pixels.width();
    height = pixels.height();
  }

  private static void awaitQuietly(CompletableFuture<Void> done, long millis) {
    try {
      done.get(Math.max(1, millis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the caller checks the state itself
    }
  }

  @Override
  public String toString() {
    return "display " + name;
  }

  /** Queues viewers' input for the display's thread; never blocks, never throws. */
  private final class Input implements InputSink {
    @Override
    public void key(KeyEvent event) {
      if (event != null) {
        queueInput("key", () -> display.key(event));
      }
    }

    @Override
    public void pointer(PointerEvent event) {
      if (event != null) {
        queueInput("pointer", () -> display.pointer(event));
      }
    }
  }
}
