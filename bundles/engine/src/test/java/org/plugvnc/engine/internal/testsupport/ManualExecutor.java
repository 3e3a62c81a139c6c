package org.plugvnc.engine.internal.testsupport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An executor whose tasks run only when the test says so, on the test's thread: what runs "on a
 * worker" and in which order against the I/O thread is then decided by the test, not by timing.
 * Can also stand for a pool with no thread free. Not thread-safe.
 */
public final class ManualExecutor extends AbstractExecutorService {

  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean refusing;
  private boolean shutdown;

  /** From now on every task is rejected, as by a bounded pool that is full. */
  public void refuseTasks() {
    refusing = true;
  }

  /** Tasks waiting to run. */
  public int pending() {
    return tasks.size();
  }

  /** Runs the waiting tasks, and those they submit, until none is left; returns how many ran. */
  public int runAll() {
    int ran = 0;
    for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
      r.run();
      ran++;
    }
    return ran;
  }

  @Override
  public void execute(Runnable command) {
    if (refusing || shutdown) {
      throw new RejectedExecutionException("no worker free (test)");
    }
    tasks.add(command);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(tasks);
    tasks.clear();
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && tasks.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }
}
