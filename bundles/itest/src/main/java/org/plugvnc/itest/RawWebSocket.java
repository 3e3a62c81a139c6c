package org.plugvnc.itest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket that speaks HTTP and WebSocket frames byte by byte, for what no well-behaved
 * client sends: unmasked frames, oversize frame headers, never-ending requests.
 */
final class RawWebSocket implements AutoCloseable {

  final Socket socket;
  final DataInputStream in;
  final OutputStream out;

  RawWebSocket(int port) throws IOException {
    this(new Socket("127.0.0.1", port));
  }

  /** Over {@code connected}, for a test that sets its socket options before it connects. */
  RawWebSocket(Socket connected) throws IOException {
    socket = connected;
    socket.setSoTimeout((int) ServerFixture.TIMEOUT.toMillis());
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void send(String ascii) throws IOException {
    out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The response's status line and headers, up to the empty line. */
  String head() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** The response's head, then {@code length} bytes of body. */
  String response(int length) throws IOException {
    String head = head();
    byte[] body = new byte[length];
    in.readFully(body);
    return head + new String(body, StandardCharsets.ISO_8859_1);
  }

  /** Sends an upgrade request for {@code path} with {@code origin} (or none) and returns the response head. */
  String upgrade(String path, String origin) throws IOException {
    send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n");
    return head();
  }

  /** Skips server frames up to a close frame, and returns its status code (-1: none came). */
  int awaitCloseFrame() throws IOException {
    while (true) {
      int b0 = in.read();
      if (b0 < 0) {
        return -1;
      }
      int len = in.readUnsignedByte() & 0x7f;
      long length = len == 126 ? in.readUnsignedShort() : len == 127 ? in.readLong() : len;
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      if ((b0 & 0x0f) == 8) {
        return payload.length >= 2 ? (payload[0] & 0xff) << 8 | (payload[1] & 0xff) : 1005;
      }
    }
  }

  /** Whether the server closed the connection (end of stream) within the socket's timeout. */
  boolean closedByServer() {
    try {
      while (in.read() >= 0) {
        // drain what it sent before closing
      }
      return true;
    } catch (IOException e) {
      return e instanceof java.net.SocketException; // a reset is a close too; a timeout is not
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
