package org.plugvnc.transport.unix.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport on a real Unix domain socket, with a stand-in engine that greets and echoes. */
class UnixSocketTransportTest {

  @TempDir
  Path home;

  private final GreetingAcceptor acceptor = new GreetingAcceptor();
  private UnixSocketTransport transport;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.deactivate();
    }
    acceptor.close();
  }

  @Test
  void aRelativePathIsUnderTheHomeInAnOwnerOnlyDirectoryAndFile() throws Exception {
    transport = new UnixSocketTransport(acceptor, home, "run/vnc.sock", "default");
    Path socket = home.resolve("run/vnc.sock");
    assertEquals(socket.toAbsolutePath(), transport.listeningAt());
    assertTrue(SocketFile.isSocket(socket));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    assertEquals(List.of("vnc.sock"), names(socket.getParent()), "the private bind directory is gone");
    assertEquals(1, acceptor.guarded.size(), "the listener is guarded");
  }

  @Test
  void aViewerIsServedAsUnixOnTheConfiguredDesktopAndItsUserIsKnown() throws Exception {
    transport = new UnixSocketTransport(acceptor, home, "vnc.sock", " ");
    try (SocketChannel viewer = connect(home.resolve("vnc.sock"))) {
      assertEquals(GreetingAcceptor.GREETING, read(viewer, 12));
      assertEquals(1, acceptor.served.size());
      GreetingAcceptor.Served s = acceptor.served.get(0);
      assertEquals("default", s.desktop());
      assertEquals("unix", s.transport());
      assertEquals(System.getProperty("user.name"), s.peerUser());
    }
  }

  @Test
  void aStaleSocketFileIsReplaced() throws Exception {
    Path socket = home.resolve("vnc.sock");
    try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      crashed.bind(UnixDomainSocketAddress.of(socket));
    }
    assertTrue(Files.exists(socket), "closing a Unix listener leaves its file, as a crash does");
    transport = new UnixSocketTransport(acceptor, home, socket.toString(), "default");
    assertNotNull(transport.listeningAt());
    try (SocketChannel viewer = connect(socket)) {
      assertEquals(GreetingAcceptor.GREETING, read(viewer, 12));
    }
  }

  @Test
  void aSocketSomebodyAnswersOnIsLeftAlone() throws Exception {
    Path socket = home.resolve("vnc.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(socket));
      transport = new UnixSocketTransport(acceptor, home, socket.toString(), "default");
      assertNull(transport.listeningAt());
      try (SocketChannel viewer = connect(socket); SocketChannel accepted = other.accept()) {
        assertNotNull(accepted, "the other server still owns the path");
      }
    }
  }

  @Test
  void aFileThatIsNotASocketIsLeftAlone() throws Exception {
    Path file = home.resolve("vnc.sock");
    Files.write(file, new byte[] {1, 2, 3});
    transport = new UnixSocketTransport(acceptor, home, "vnc.sock", "default");
    assertNull(transport.listeningAt());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
  }

  @Test
  void stopRemovesTheFileAndConnectedViewersStay() throws Exception {
    Path socket = home.resolve("vnc.sock");
    transport = new UnixSocketTransport(acceptor, home, "vnc.sock", "default");
    try (SocketChannel viewer = connect(socket)) {
      assertEquals(GreetingAcceptor.GREETING, read(viewer, 12));
      transport.deactivate();
      transport = null;
      assertFalse(Files.exists(socket));
      viewer.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
      assertEquals("ping", read(viewer, 4), "the session outlives the listener");
    }
  }

  @Test
  void stopLeavesASocketFileThatIsNotItsOwn() throws Exception {
    Path socket = home.resolve("vnc.sock");
    transport = new UnixSocketTransport(acceptor, home, "vnc.sock", "default");
    Files.delete(socket);
    try (ServerSocketChannel next = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      next.bind(UnixDomainSocketAddress.of(socket));
      transport.deactivate();
      transport = null;
      assertTrue(Files.exists(socket), "a later server's socket is not removed");
    }
  }

  @Test
  void aPathNearTheUnixLengthLimitStillBinds() throws Exception {
    String prefix = home.toAbsolutePath() + "/";
    Path socket = Path.of(prefix + "d".repeat(100 - prefix.length() - 5) + ".sock");
    assertEquals(100, socket.toString().length());
    transport = new UnixSocketTransport(acceptor, home, socket.toString(), "default");
    try (SocketChannel viewer = connect(socket)) {
      assertEquals(GreetingAcceptor.GREETING, read(viewer, 12));
    }
  }

  @Test
  void noPathMeansNoSocket() throws IOException {
    transport = new UnixSocketTransport(acceptor, home, "", "default");
    assertNull(transport.listeningAt());
    assertEquals(List.of(), names(home));
  }

  private static SocketChannel connect(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return ch;
  }

  private static String read(SocketChannel ch, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    long end = System.nanoTime() + 5_000_000_000L;
    while (buf.hasRemaining() && System.nanoTime() < end) {
      if (ch.read(buf) < 0) {
        break;
      }
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
