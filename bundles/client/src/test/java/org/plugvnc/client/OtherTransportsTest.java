package org.plugvnc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over a Unix domain socket and in listen mode (the server connects to it), against
 * a scripted server on real sockets: the same handshake, pixels and read-timeout semantics as
 * over an outgoing TCP connection.
 */
class OtherTransportsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  interface Script {
    void run(DataInputStream in, OutputStream out) throws Exception;
  }

  @Test
  void overAUnixSocketTheHandshakeAndPixelsAreAsOverTcp() throws Exception {
    Path path = dir.resolve("vnc.sock");
    try (ServerSocketChannel server = unixServer(path)) {
      CompletableFuture<Void> done = serveUnix(server, (in, out) -> {
        handshake38None(in, out, 2, 1);
        assertArrayEquals(bytes().u8(3, 0).u16(0, 0, 2, 1).array(), read(in, 10));
        out.write(bytes().u8(0, 0).u16(1).u16(0, 0, 2, 1).u32(0)
            .u8(0, 0, 0xFF, 0, 0xFF, 0, 0, 0).array());
        out.flush();
      });
      try (RfbClient c = RfbClient.builder().unixSocket(path).readTimeout(WAIT).connect()) {
        assertEquals("test desk", c.serverInit().name());
        c.refresh(WAIT);
        assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, c.pixels());
        done.get(5, TimeUnit.SECONDS);
        assertTrue(c.awaitClose(WAIT), "the server's close is seen");
      }
    }
  }

  @Test
  void overAUnixSocketATimeoutBetweenMessagesConsumesNothing() throws Exception {
    Path path = dir.resolve("vnc.sock");
    CountDownLatch timedOut = new CountDownLatch(1);
    try (ServerSocketChannel server = unixServer(path)) {
      serveUnix(server, (in, out) -> {
        handshake38None(in, out, 1, 1);
        timedOut.await(5, TimeUnit.SECONDS);
        out.write(bytes().u8(3, 0, 0, 0).string("late").array());
        out.flush();
        read(in, 1);
      });
      try (RfbClient c = RfbClient.builder().unixSocket(path).readTimeout(WAIT).connect()) {
        long start = System.nanoTime();
        assertTrue(c.poll(Duration.ofMillis(200)).isEmpty());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 150 && waited < 3000, "waited " + waited + " ms");
        timedOut.countDown();
        assertInstance(ServerCutText.class, c.nextMessage(WAIT));
        assertEquals("late", c.lastServerCutText());
        c.rawWrite(new byte[] {0});
      }
    }
  }

  @Test
  void overAUnixSocketAStalledMessageTimesOutWithTheReadTimeout() throws Exception {
    Path path = dir.resolve("vnc.sock");
    CountDownLatch end = new CountDownLatch(1);
    try (ServerSocketChannel server = unixServer(path)) {
      serveUnix(server, (in, out) -> {
        handshake38None(in, out, 1, 1);
        out.write(bytes().u8(3, 0, 0, 0).u32(10).text("abc").array()); // 7 bytes short
        out.flush();
        end.await(5, TimeUnit.SECONDS);
      });
      try (RfbClient c = RfbClient.builder().unixSocket(path).readTimeout(Duration.ofMillis(300))
          .connect()) {
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> c.poll(WAIT));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 250 && waited < 3000, "waited " + waited + " ms");
      } finally {
        end.countDown();
      }
    }
  }

  @Test
  void aUnixSocketNobodyListensOnFailsToConnect() {
    assertThrows(IOException.class,
        () -> RfbClient.builder().unixSocket(dir.resolve("nobody.sock")).connect());
  }

  @Test
  void inListenModeTheServerConnectsAndSpeaksFirst() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          OutputStream out = s.getOutputStream();
          handshake38None(in, out, 2, 1);
          assertArrayEquals(bytes().u8(3, 0).u16(0, 0, 2, 1).array(), read(in, 10));
          out.write(bytes().u8(0, 0).u16(1).u16(0, 0, 2, 1).u32(0)
              .u8(0x10, 0x20, 0x30, 0, 0x40, 0x50, 0x60, 0).array());
          out.flush();
          read(in, 1);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (RfbClient c = RfbClient.builder().readTimeout(WAIT).connectTimeout(WAIT)
          .accept(listener)) {
        assertEquals(2, c.serverInit().width());
        c.refresh(WAIT);
        assertArrayEquals(new int[] {0x302010, 0x605040}, c.pixels());
        c.rawWrite(new byte[] {0});
        done.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void inListenModeNoServerWithinTheConnectTimeoutIsATimeout() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      assertThrows(RfbTimeoutException.class, () -> RfbClient.builder()
          .connectTimeout(Duration.ofMillis(200)).accept(listener));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
      assertTrue(!listener.isClosed(), "the listener stays the caller's");
    }
  }

  private static void assertInstance(Class<?> type, Object o) {
    assertTrue(type.isInstance(o), String.valueOf(o));
  }

  private static ServerSocketChannel unixServer(Path path) throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    s.bind(UnixDomainSocketAddress.of(path));
    return s;
  }

  private static CompletableFuture<Void> serveUnix(ServerSocketChannel server, Script script) {
    return CompletableFuture.runAsync(() -> {
      try (SocketChannel ch = server.accept()) {
        script.run(new DataInputStream(Channels.newInputStream(ch)), Channels.newOutputStream(ch));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A 3.8 handshake with security None and ServerInit, as the server speaks it. */
  private static void handshake38None(DataInputStream in, OutputStream out, int w, int h)
      throws IOException {
    out.write(bytes().text("RFB 003.008\n").u8(1, 1).array());
    out.flush();
    assertEquals("RFB 003.008\n", new String(read(in, 12), "ISO-8859-1"));
    assertEquals(1, in.readUnsignedByte());
    out.write(bytes().u32(0).array());
    assertEquals(1, in.readUnsignedByte()); // shared
    out.write(bytes().u16(w, h).raw(PixelFormat.RGB888_LE.toBytes()).string("test desk").array());
    out.flush();
  }

  private static byte[] read(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
