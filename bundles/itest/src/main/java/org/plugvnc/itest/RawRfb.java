package org.plugvnc.itest;

import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A viewer that speaks RFB 3.8 by hand over a plain socket, for what the project's client will not
 * do: stop halfway through the handshake, hold many handshakes open at once, or put two messages
 * in one TCP write. Every read times out after {@link ServerFixture#TIMEOUT}.
 */
final class RawRfb implements AutoCloseable {

  private static final byte[] VERSION_3_8 = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
  /** Reason strings are short; a larger length means the stream is out of step. */
  private static final int MAX_STRING = 64 * 1024;

  /** What follows the version exchange: the types offered, or none and the server's reason. */
  record Offer(List<Integer> types, String reason) {

    boolean refused() {
      return types.isEmpty();
    }
  }

  /** A SecurityResult: status 0 is OK; a 3.8 server sends a reason after a failure. */
  record SecurityResult(int status, String reason) {

    boolean ok() {
      return status == 0;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawRfb(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to the server on {@code port}, reads its version and answers 3.8; what the server
   * sends next is its offer ({@link #readOffer}).
   */
  static RawRfb greet(int port) throws IOException {
    return greet(port, null, 0);
  }

  /**
   * As {@link #greet(int)}, from the local address {@code from} (any of 127.0.0.0/8 reaches the
   * loopback interface; null: any) and with a receive buffer of {@code receiveBuffer} bytes (0: the
   * default), so that a viewer that stops reading has the kernel absorb little.
   */
  static RawRfb greet(int port, InetAddress from, int receiveBuffer) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout((int) TIMEOUT.toMillis());
    s.setTcpNoDelay(true);
    if (receiveBuffer > 0) {
      s.setReceiveBufferSize(receiveBuffer);
    }
    RawRfb v = null;
    try {
      if (from != null) {
        s.bind(new InetSocketAddress(from, 0));
      }
      s.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
      v = new RawRfb(s);
      String version = new String(v.readBytes(12), StandardCharsets.US_ASCII);
      if (!version.startsWith("RFB 003.")) {
        throw new IOException("not an RFB server version: " + version);
      }
      v.write(VERSION_3_8);
      return v;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Reads the 3.7/3.8 security-type list, or the count 0 and its reason string. */
  Offer readOffer() throws IOException {
    int count = in.readUnsignedByte();
    if (count == 0) {
      return new Offer(List.of(), readString());
    }
    List<Integer> types = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      types.add(in.readUnsignedByte());
    }
    return new Offer(List.copyOf(types), null);
  }

  /** Reads a SecurityResult, with the reason that follows a failure (this viewer speaks 3.8). */
  SecurityResult readSecurityResult() throws IOException {
    int status = in.readInt();
    return new SecurityResult(status, status == 0 ? null : readString());
  }

  /** The SecurityResult, or empty when the server closed (or reset) the connection instead. */
  Optional<SecurityResult> readSecurityResultOrClose() throws IOException {
    try {
      return Optional.of(readSecurityResult());
    } catch (EOFException e) {
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (SocketException e) {
      return Optional.empty(); // "Connection reset": closed with bytes of ours unread
    }
  }

  /** True when the server closes the connection before sending anything else within the timeout. */
  boolean awaitClose() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    }
  }

  /**
   * Reads and drops whatever comes until the server closes the connection; false if it is still
   * open after {@code millis}.
   */
  boolean drainUntilClose(int millis) throws IOException {
    long end = System.nanoTime() + millis * 1_000_000L;
    byte[] sink = new byte[65536];
    socket.setSoTimeout(50);
    try {
      while (System.nanoTime() < end) {
        try {
          if (in.read(sink) < 0) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          // nothing yet
        } catch (SocketException e) {
          return true;
        }
      }
      return false;
    } finally {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
    }
  }

  /** As {@link #awaitClose()}, waiting at most {@code millis}. */
  boolean awaitClose(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return awaitClose();
    } finally {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
    }
  }

  byte[] readBytes(int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  int readU16() throws IOException {
    return in.readUnsignedShort();
  }

  /** A U32 length and that many bytes of UTF-8 (reason strings, the desktop name). */
  String readString() throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING) {
      throw new IOException("implausible string length " + Integer.toUnsignedString(length));
    }
    return new String(readBytes(length), StandardCharsets.UTF_8);
  }

  /** Sends {@code bytes} in one write, so that they reach the server in one segment. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void writeU8(int v) throws IOException {
    write(new byte[] {(byte) v});
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
