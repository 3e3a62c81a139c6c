package org.plugvnc.capture.x11.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns an {@link XClientConnection}: it opens the display, runs the tasks other
 * threads queue (without ever blocking them), polls the display's events between tasks, and
 * closes the display when stopped or when the X server goes away.
 */
final class X11Thread {

  /**
   * How long closing an input or clipboard connection waits for its thread. With the capture
   * thread's wait ({@code X11Backend}), a backend's stop stays within the engine's 10 s wait for a
   * backend switch even when every thread is stuck in a hung X server.
   */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(2);


  /** What runs on the thread; every method is called there and only there. */
  interface Owner {
    /** The display was opened; set up what the owner needs. May throw to refuse it. */
    void opened(XClientConnection connection);

    /** Called between tasks, at least every poll interval: read the display's events. */
    void poll();

    /** The last call before the display closes (stop, or the server went away). */
    void closing();
  }

  private static final Logger LOG = LoggerFactory.getLogger(X11Thread.class);
  private static final int QUEUE_CAPACITY = 16_384;
  private static final Runnable STOP = () -> {};

  private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final Thread thread;
  private final Owner owner;
  private final long pollNanos;
  private volatile XClientConnection connection;
  private volatile boolean ended;
  private boolean warnedFull;

  private X11Thread(String name, Owner owner, Duration poll, String displayName) {
    this.owner = owner;
    this.pollNanos = poll.toNanos();
    this.thread = new Thread(() -> run(displayName), name);
    thread.setDaemon(true);
  }

  /**
   * Starts the thread and waits until it opened {@code displayName} (null for DISPLAY).
   *
   * @throws IllegalStateException when the display cannot be opened within 10 s
   */
  static X11Thread start(String name, Owner owner, Duration poll, String displayName) {
    X11Thread x = new X11Thread(name, owner, poll, displayName);
    x.thread.start();
    try {
      x.started.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      x.submit(STOP);
      throw new IllegalStateException("X display " + displayName + " did not answer in 10 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      x.submit(STOP);
      throw new IllegalStateException("interrupted while opening X display " + displayName);
    }
    return x;
  }

  /** Queues {@code task} for the thread. Never blocks; false when full or ended (logged once). */
  boolean submit(Runnable task) {
    if (ended) {
      return false;
    }
    if (tasks.offer(task)) {
      return true;
    }
    if (!warnedFull) {
      warnedFull = true;
      LOG.warn("{}: {} tasks queued, dropping more until it catches up", thread.getName(),
          QUEUE_CAPACITY);
    }
    return false;
  }

  /** True once the thread ended: stopped, or the X server went away. */
  boolean ended() {
    return ended;
  }

  /**
   * Runs {@code last} on the thread, then closes the display and ends it; waits up to
   * {@code wait} in all for that. A thread stuck in Xlib (a hung, not dead, X server) is left
   * behind.
   */
  void stop(Runnable last, Duration wait) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("stop from the X thread itself");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    // The queue may be full: stopping must not depend on room, so wait for it briefly.
    try {
      if (!ended && (!tasks.offer(last, remainingMillis(deadline), TimeUnit.MILLISECONDS)
          || !tasks.offer(STOP, remainingMillis(deadline), TimeUnit.MILLISECONDS))) {
        LOG.warn("{}: could not queue the stop", thread.getName());
      }
      thread.join(Math.max(1, remainingMillis(deadline)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("{}: still inside Xlib after {}; left behind", thread.getName(), wait);
    }
  }

  private static long remainingMillis(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private void run(String displayName) {
    try {
      connection = XClientConnection.open(displayName, thread.getName());
      owner.opened(connection);
    } catch (RuntimeException | LinkageError e) {
      ended = true;
      if (connection != null) {
        connection.close();
      }
      started.completeExceptionally(e);
      return;
    }
    started.complete(null);
    try {
      loop();
    } finally {
      ended = true;
      guarded(owner::closing);
      connection.close();
      tasks.clear();
      LOG.debug("{}: ended", thread.getName());
    }
  }

  private void loop() {
    while (!connection.lost()) {
      Runnable task;
      try {
        task = tasks.poll(pollNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        return;
      }
      while (task != null) {
        if (task == STOP) {
          return;
        }
        guarded(task);
        if (connection.lost()) {
          break;
        }
        task = tasks.poll();
      }
      guarded(owner::poll);
    }
    LOG.warn("{}: the X server of {} went away; input or clipboard for it stops",
        thread.getName(), connection.name());
  }

  private void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: a task failed", thread.getName(), e);
    }
  }

  /** For owners that need it: the connection, on the thread only. */
  XClientConnection connection() {
    return connection;
  }

  static <T> Consumer<T> quiet(Consumer<T> consumer) {
    return value -> {
      try {
        consumer.accept(value);
      } catch (RuntimeException e) {
        LOG.warn("a listener failed", e);
      }
    };
  }
}
