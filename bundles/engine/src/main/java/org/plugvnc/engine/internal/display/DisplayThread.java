package org.plugvnc.engine.internal.display;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread a started display is painted and called on, one task at a time. Input from the
 * engine's I/O threads is queued so they never wait for a paint; at most {@link #MAX_PENDING_INPUT}
 * input tasks wait, so a viewer flooding events cannot grow the queue without limit.
 */
final class DisplayThread {

  /** Input tasks waiting beyond this many are dropped. */
  static final int MAX_PENDING_INPUT = 4096;

  private final ExecutorService executor;
  private final AtomicInteger pendingInput = new AtomicInteger();
  private volatile Thread thread;

  /** Starts a daemon thread named {@code name}. */
  DisplayThread(String name) {
    executor = Executors.newSingleThreadExecutor(task -> {
      Thread created = new Thread(task, name);
      created.setDaemon(true);
      thread = created;
      return created;
    });
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

  /** Whether the caller is this thread. */
  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /** Whether the thread has ended (after {@link #shutdown}). */
  boolean ended() {
    return executor.isTerminated();
  }

  /**
   * Waits until the thread has ended, however long that takes, so that a display is never called
   * on two threads at once; returns early only when the caller is interrupted (flag kept).
   */
  void awaitEnd() {
    try {
      while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        // still in the display's own code
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs what is queued (tasks check themselves whether they still apply), then ends; waits up to
   * {@code timeoutMillis} unless called on this thread. Returns whether the thread has ended.
   */
  boolean shutdown(long timeoutMillis) {
    executor.shutdown();
    if (isCurrent()) {
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
