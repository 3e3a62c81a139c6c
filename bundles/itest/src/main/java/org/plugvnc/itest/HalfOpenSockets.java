package org.plugvnc.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many client sockets from one local address, held open by the test without a thread each: they
 * send a fixed greeting (or nothing) and then nothing more, the way a flood of half-open handshakes
 * does. What the server sends is read only when the test looks ({@link #poll}), so a test that
 * never polls has clients that never read.
 */
final class HalfOpenSockets implements AutoCloseable {

  /** One client: what it has received so far and whether the server has closed it. */
  static final class Client {
    final SocketChannel channel;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean closed;

    Client(SocketChannel channel) {
      this.channel = channel;
    }

    /**
     * What the server sent after its 12-byte version: -1 when nothing yet, otherwise the first byte
     * (the number of security types offered; 0 for a refusal).
     */
    int offerCount() {
      byte[] b = received.toByteArray();
      return b.length > 12 ? b[12] & 0xFF : -1;
    }

    /** The reason of a refused offer (count 0, U32 length, text), or null if there is none yet. */
    String refusal() {
      byte[] b = received.toByteArray();
      if (b.length < 17 || b[12] != 0) {
        return null;
      }
      int length = ByteBuffer.wrap(b, 13, 4).getInt();
      return b.length < 17 + length ? null : new String(b, 17, length, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final List<Client> clients = new ArrayList<>();

  /**
   * Connects {@code count} sockets from {@code from} to the server's {@code port}, each with a
   * receive buffer of {@code receiveBuffer} bytes (0: the default), and sends each one
   * {@code greeting} (may be empty) without reading anything first.
   */
  static HalfOpenSockets open(int port, InetAddress from, int count, byte[] greeting,
      int receiveBuffer) throws IOException {
    HalfOpenSockets s = new HalfOpenSockets();
    try {
      for (int i = 0; i < count; i++) {
        s.add(port, from, greeting, receiveBuffer);
      }
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void add(int port, InetAddress from, byte[] greeting, int receiveBuffer)
      throws IOException {
    SocketChannel ch = SocketChannel.open();
    clients.add(new Client(ch));
    if (receiveBuffer > 0) {
      ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer); // before connect: the window
    }
    ch.bind(new InetSocketAddress(from, 0));
    // The kernel completes the connection from its backlog, whether or not the server accepts.
    ch.socket().connect(new InetSocketAddress("127.0.0.1", port),
        (int) ServerFixture.TIMEOUT.toMillis());
    ch.configureBlocking(false);
    if (greeting.length > 0) {
      ch.write(ByteBuffer.wrap(greeting));
    }
  }

  /** Reads what every open client has received so far and notes which the server closed. */
  void poll() {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    for (Client c : clients) {
      while (!c.closed) {
        buffer.clear();
        int n;
        try {
          n = c.channel.read(buffer);
        } catch (IOException reset) {
          n = -1;
        }
        if (n < 0) {
          c.closed = true;
        } else if (n == 0) {
          break;
        } else {
          c.received.write(buffer.array(), 0, n);
        }
      }
    }
  }

  /** The clients, as of the last {@link #poll}. */
  List<Client> clients() {
    return clients;
  }

  /** How many the server has closed, as of now. */
  int closed() {
    poll();
    return (int) clients.stream().filter(c -> c.closed).count();
  }

  /** How many are still open, as of now. */
  int open() {
    return clients.size() - closed();
  }

  /** Polls until at most {@code atMost} are open or {@code millis} passed; the number open. */
  int awaitOpenAtMost(int atMost, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    int open = open();
    while (open > atMost && System.nanoTime() < end) {
      Thread.sleep(50);
      open = open();
    }
    return open;
  }

  @Override
  public void close() {
    for (Client c : clients) {
      try {
        c.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
