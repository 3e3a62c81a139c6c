package org.plugvnc.capture.virtual.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread a started virtual desktop paints on. Input from the engine's I/O threads is queued
 * here so they never wait for a paint; the queue of input is bounded so a viewer flooding events
 * cannot grow it without limit (extra events are dropped).
 */
final class DesktopThread {

  /** Name of the daemon thread, visible in thread dumps. */
  static final String NAME = "plugvnc-virtual-desktop";

  /** Input events waiting beyond this many are dropped. */
  static final int MAX_PENDING_INPUT = 10_000;

  private final ScheduledExecutorService executor;
  private final AtomicInteger pendingInput = new AtomicInteger();
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

  /** Queues {@code task}; false if the thread is shutting down and will not run it. */
  boolean execute(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Queues an input task unless too many are waiting; false when it was dropped. */
  boolean executeInput(Runnable task) {
    if (pendingInput.incrementAndGet() > MAX_PENDING_INPUT) {
      pendingInput.decrementAndGet();
      return false;
    }
    boolean queued = execute(() -> {
      pendingInput.decrementAndGet();
      task.run();
    });
    if (!queued) {
      pendingInput.decrementAndGet();
    }
    return queued;
  }

  /**
   * Waits until everything queued before this call has run: the thread runs tasks in order, so a
   * no-op reaching the front means all before it are done. For tests.
   */
  void awaitIdle(long timeoutMillis)
      throws InterruptedException, ExecutionException, TimeoutException {
    executor.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Drops queued work and waits briefly for the running task; false if it did not finish in time.
   * Restores the interrupt flag if interrupted. Called on the desktop thread itself (a listener
   * that stops the backend from a callback), it cannot wait for itself and returns at once.
   */
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
