package org.plugvnc.karaf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test started (Karaf instances, X servers, viewers, connections), closed newest first
 * when the test ends, whether it passed or failed, and by a JVM shutdown hook if the run is cut
 * short (Failsafe's fork timeout), so that no process outlives the build.
 */
final class Cleanup implements AutoCloseable {

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final Thread hook = new Thread(this::closeAll, "closes what a Karaf test started");

  Cleanup() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Adds {@code resource} to what is closed; returns it. */
  synchronized <T extends AutoCloseable> T add(T resource) {
    resources.push(resource);
    return resource;
  }

  /**
   * Closes everything, newest first; one failing to close does not keep the others open.
   *
   * @throws IllegalStateException carrying the first failure, the others suppressed
   */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook closes everything
    }
    closeAll();
  }

  private synchronized void closeAll() {
    IllegalStateException failure = null;
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot close " + resource, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
