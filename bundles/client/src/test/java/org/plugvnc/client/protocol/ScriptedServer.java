package org.plugvnc.client.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One scripted server connection on a loopback port: the test writes the server's side of the
 * handshake from the spec; {@link #await()} rethrows the script's failures (its assertions).
 */
final class ScriptedServer implements AutoCloseable {

  /** The server side of one connection. */
  interface Script {
    void run(Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  ScriptedServer(Script script) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      try (Socket s = listener.accept()) {
        s.setSoTimeout(10_000);
        script.run(s);
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "scripted-server");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Waits for the script to end and rethrows what it threw. */
  void await() throws Exception {
    try {
      done.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
