package org.plugvnc.engine.internal.net;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.plugvnc.api.security.HandshakeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handshake's blocking check (a JAAS login, say) run on a worker thread, its verdict handed back
 * to the connection's I/O thread. At most one runs per handshake.
 */
final class WorkerCheck {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerCheck.class);

  private final Executor workers;
  private final Executor ioThread;
  private final String remote;
  private boolean running;

  WorkerCheck(Executor workers, Executor ioThread, String remote) {
    this.workers = workers;
    this.ioThread = ioThread;
    this.remote = remote;
  }

  /** Whether a check runs now. I/O thread. */
  boolean running() {
    return running;
  }

  /**
   * Runs {@code check} on a worker, then {@code verdict} on the I/O thread with its result (null
   * when the check threw or returned no verdict). I/O thread.
   *
   * @return false when no worker is free (the pool is bounded); nothing runs then
   */
  boolean start(Supplier<HandshakeResult> check, Consumer<HandshakeResult> verdict) {
    running = true;
    try {
      workers.execute(() -> {
        HandshakeResult result = run(check);
        ioThread.execute(() -> {
          running = false;
          verdict.accept(result);
        });
      });
      return true;
    } catch (RejectedExecutionException e) {
      running = false;
      LOG.warn("{}: no worker free for the credential check", remote);
      return false;
    }
  }

  private HandshakeResult run(Supplier<HandshakeResult> check) {
    try {
      HandshakeResult r = check.get();
      if (r == null || r.status() == HandshakeResult.Status.INCOMPLETE) {
        throw new IllegalStateException("a check returned " + r + " instead of a verdict");
      }
      return r;
    } catch (RuntimeException e) {
      LOG.warn("{}: credential check failed", remote, e);
      return null;
    }
  }
}
