package org.plugvnc.capture.virtual.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The thread that ticks an attached virtual desktop: the clock and the test pattern's scrolling
 * band change by themselves, on this thread, while the engine paints on its own.
 */
final class DesktopThread {

  /** Name of the daemon thread, visible in thread dumps. */
  static final String NAME = "plugvnc-virtual-desktop";

  private final ScheduledExecutorService executor;
  private volatile Thread thread;

  /** Starts the thread and runs {@code tick} every {@code periodMillis} until {@link #shutdown}. */
  DesktopThread(Runnable tick, long periodMillis) {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread created = new Thread(task, NAME);
      created.setDaemon(true);
      thread = created;
      return created;
    });
    executor.scheduleAtFixedRate(tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops ticking and waits up to {@code timeoutMillis} for a tick in progress. */
  boolean shutdown(long timeoutMillis) {
    executor.shutdownNow();
    if (Thread.currentThread() == thread) {
      return true;
    }
    try {
      return executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
