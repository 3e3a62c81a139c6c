package org.plugvnc.benchmarks.latency;

import java.io.IOException;

/**
 * What makes the desktop change in one round of {@link DamageLatency}, and where the change must
 * show before the round counts as seen.
 */
interface Cause {

  /** @return a short description for the table, e.g. {@code "xsetroot -solid"} */
  String describe();

  /**
   * Starts the change to {@code rgb}; returns at once, the change may still be running.
   *
   * @return the running change, which knows when it ended
   */
  Running start(int rgb) throws IOException;

  /** @return the area, as x, y, width, height, that must show the new colour everywhere */
  int[] area(int screenWidth, int screenHeight);

  /** One change in progress. */
  interface Running {

    /**
     * Waits for the change to end.
     *
     * @return {@link System#nanoTime()} when it ended
     */
    long endNanos() throws IOException, InterruptedException;
  }
}
