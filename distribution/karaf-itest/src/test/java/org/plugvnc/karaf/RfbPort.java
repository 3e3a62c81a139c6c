package org.plugvnc.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Whether an RFB server answers on a port of 127.0.0.1, without getting past its greeting. */
final class RfbPort {

  private static final int CONNECT_TIMEOUT_MILLIS = 1000;
  private static final int READ_TIMEOUT_MILLIS = 2000;
  private static final long POLL_MILLIS = 20;

  private RfbPort() {}

  /**
   * Waits until a connection to {@code port} is accepted and greeted with an RFB ProtocolVersion.
   *
   * @return the time waited
   * @throws AssertionError when that does not happen within {@code timeout}
   */
  static Duration awaitAccepting(int port, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        String greeting = greeting(port);
        if (greeting.startsWith("RFB ")) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
        last = new IOException("greeted with '" + greeting.strip() + "'");
      } catch (IOException e) {
        last = e;
      }
      sleep();
    }
    throw new AssertionError("no RFB server accepted on 127.0.0.1:" + port + " within "
        + timeout.toSeconds() + " s (last: " + last + ")");
  }

  /** Whether a connection to {@code port} is refused (nothing listens there). */
  static boolean refuses(int port) {
    try {
      greeting(port);
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String greeting(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
