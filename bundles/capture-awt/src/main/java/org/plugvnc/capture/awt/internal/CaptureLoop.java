package org.plugvnc.capture.awt.internal;

import java.awt.AWTError;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture thread of one start..stop window: grabs the screen every poll interval, compares
 * the grab with the last one tile by tile, and reports damage (under the frame's lock, in the
 * critical section that takes the new frame), size changes and pointer moves made by something
 * other than the viewers. A failed grab is logged once and tried again next time.
 */
final class CaptureLoop {

  static final String THREAD_NAME = "plugvnc-awt-capture";

  private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);

  private final ScheduledExecutorService thread;
  private final ScreenPixels pixels;
  private final PointerTracker pointer;
  private final DesktopListener listener;
  private final Supplier<AwtSettings> settings;
  private final Supplier<ScreenGrabber> screen;
  private boolean failing; // capture thread only

  CaptureLoop(ScreenPixels pixels, PointerTracker pointer, DesktopListener listener,
      Supplier<AwtSettings> settings, Supplier<ScreenGrabber> screen) {
    this.pixels = pixels;
    this.pointer = pointer;
    this.listener = listener;
    this.settings = settings;
    this.screen = screen;
    thread = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, THREAD_NAME);
      t.setDaemon(true);
      return t;
    });
    schedule();
  }

  /** Ends the thread and waits up to {@code millis} for a grab in progress. */
  boolean close(long millis) {
    thread.shutdownNow();
    try {
      return thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The next tick after the poll interval configured now, so a change applies at once. */
  private void schedule() {
    try {
      thread.schedule(this::tick, settings.get().pollMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void tick() {
    try {
      ScreenGrabber grabber = screen.get();
      captureOnce(grabber, settings.get().tileSize());
      Point moved = pointer.movedElsewhere(grabber);
      if (moved != null) {
        listener.pointerMoved(moved.x(), moved.y());
      }
      if (failing) {
        LOG.info("AWT backend grabs the screen again");
        failing = false;
      }
    } catch (RuntimeException | AWTError e) {
      if (!failing) {
        LOG.warn("AWT backend cannot grab the screen, trying again every poll: {}", e.toString());
        failing = true;
      }
    } finally {
      if (!Thread.currentThread().isInterrupted()) {
        schedule();
      }
    }
  }

  /** One grab, compared and reported; also used by start() for the first frame, with no listener. */
  static void captureOnce(ScreenGrabber grabber, ScreenPixels pixels, int tileSize,
      DesktopListener listener) {
    ScreenGrabber.Grab grab = grabber.grab();
    int[] before = pixels.frame();
    boolean sameSize = grab.width() == pixels.width() && grab.height() == pixels.height();
    Region damage = sameSize
        ? TileDamage.between(before, grab.pixels(), grab.width(), grab.height(), tileSize)
        : null;
    if (damage != null && damage.isEmpty()) {
      return;
    }
    synchronized (pixels.lock()) {
      pixels.replace(grab.pixels(), grab.width(), grab.height());
      if (listener == null) {
        return;
      }
      if (damage == null) {
        listener.resized(grab.width(), grab.height());
      } else {
        listener.damaged(damage);
      }
    }
  }

  private void captureOnce(ScreenGrabber grabber, int tileSize) {
    captureOnce(grabber, pixels, tileSize, listener);
  }
}
