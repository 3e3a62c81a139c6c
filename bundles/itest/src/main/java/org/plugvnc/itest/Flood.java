package org.plugvnc.itest;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends 64 KiB chunks of garbage on a daemon thread for as long as the socket takes them (up to
 * 256 MiB), counting what went: how much a server that should not be reading took.
 */
final class Flood {

  /** Writes a chunk; blocks while the peer does not read. */
  interface Sender {
    void send(byte[] bytes) throws IOException;
  }

  private final AtomicLong sent = new AtomicLong();
  private final Thread thread;

  private Flood(Sender to) {
    thread = new Thread(() -> {
      byte[] chunk = new byte[64 * 1024];
      try {
        while (sent.get() < (256L << 20)) {
          to.send(chunk);
          sent.addAndGet(chunk.length);
        }
      } catch (IOException closed) {
        // the server ended the session, or the test closed the socket
      }
    }, "flood");
    thread.setDaemon(true);
  }

  static Flood start(Sender to) {
    Flood f = new Flood(to);
    f.thread.start();
    return f;
  }

  /** Bytes the socket has taken so far. */
  long sent() {
    return sent.get();
  }

  /** Waits for the sender to stop (its socket was closed). */
  void join() throws InterruptedException {
    thread.join(5000);
  }
}
