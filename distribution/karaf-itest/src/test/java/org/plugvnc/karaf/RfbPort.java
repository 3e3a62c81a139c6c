package org.plugvnc.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;

/**
 * What an RFB server on a port of 127.0.0.1 answers a newcomer: whether it greets, refuses, and
 * which security types it offers.
 */
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

  /**
   * Waits until connections to {@code port} are refused (after the server moved to another).
   *
   * @throws AssertionError when the port still accepts after {@code timeout}
   */
  static void awaitRefused(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!refuses(port)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("port " + port + " still accepts after " + timeout.toSeconds()
            + " s");
      }
      sleep();
    }
  }

  /**
   * The security types the server offers a new viewer, asked by the project's client wanting
   * None, which stops there when None is not among them.
   */
  static List<Integer> offeredSecurityTypes(int port) {
    try (RfbClient probe = RfbClient.builder().port(port)
        .securityType(RfbNumbers.SECURITY_NONE).connect()) {
      return probe.offeredSecurityTypes();
    } catch (RfbSecurityException e) {
      return e.offeredTypes();
    } catch (IOException e) {
      throw new AssertionError("cannot connect to port " + port, e);
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
