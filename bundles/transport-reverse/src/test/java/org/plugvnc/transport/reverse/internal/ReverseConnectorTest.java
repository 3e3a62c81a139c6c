package org.plugvnc.transport.reverse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.management.ReverseConnections.Target;

/** Reverse connections to real listening sockets, with a stand-in engine that greets and echoes. */
class ReverseConnectorTest {

  private static final Settings FAST =
      new Settings("default", Duration.ofSeconds(1), Duration.ofSeconds(2), 2000);

  private final GreetingAcceptor acceptor = new GreetingAcceptor();
  private ReverseConnector connector;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.deactivate();
    }
    acceptor.close();
  }

  @Test
  void aViewerThatListensLaterIsReachedByRetryAndReconnectedWhenItsConnectionEnds()
      throws Exception {
    int port = freePort();
    connector = new ReverseConnector(acceptor, "127.0.0.1:" + port, FAST);
    awaitTrue(() -> state(0).equals("waiting"), "the refused viewer waits for a retry");
    assertTrue(connector.targets().get(0).detail().contains("refused"),
        connector.targets().get(0).detail());
    try (ServerSocket viewer = listen(port)) {
      try (Socket first = viewer.accept()) {
        assertEquals("RFB 003.008\n", read(first, 12));
        awaitTrue(() -> state(0).equals("connected"), "connected");
        assertEquals("reverse", acceptor.served.get(0).transport());
      }
      try (Socket second = viewer.accept()) {
        assertEquals("RFB 003.008\n", read(second, 12), "connected again after the first ended");
      }
    }
  }

  @Test
  void aViewerRemovedFromTheConfigurationKeepsItsSessionAndIsNotConnectedAgain()
      throws Exception {
    try (ServerSocket viewer = listen(0)) {
      connector = new ReverseConnector(acceptor, "127.0.0.1:" + viewer.getLocalPort(), FAST);
      try (Socket session = viewer.accept()) {
        assertEquals("RFB 003.008\n", read(session, 12));
        connector.apply("", FAST);
        assertEquals(List.of(), connector.targets());
        session.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ping", read(session, 4), "the live session stays");
      }
      viewer.setSoTimeout(3000);
      assertThrows(SocketTimeoutException.class, viewer::accept, "no new connection");
    }
  }

  @Test
  void aViewerThatStaysConfiguredIsNotDialledTwice() throws Exception {
    try (ServerSocket viewer = listen(0); ServerSocket other = listen(0)) {
      String one = "127.0.0.1:" + viewer.getLocalPort();
      connector = new ReverseConnector(acceptor, one, FAST);
      try (Socket session = viewer.accept()) {
        connector.apply(one + ", 127.0.0.1:" + other.getLocalPort(), FAST);
        try (Socket added = other.accept()) {
          assertEquals("RFB 003.008\n", read(added, 12));
        }
        viewer.setSoTimeout(2000);
        assertThrows(SocketTimeoutException.class, viewer::accept);
        assertEquals(2, connector.targets().size());
      }
    }
  }

  @Test
  void connectIsOneShot() throws Exception {
    connector = new ReverseConnector(acceptor, "", FAST);
    try (ServerSocket viewer = listen(0)) {
      Target t = connector.connect("127.0.0.1", viewer.getLocalPort(), "default")
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertEquals("connected", t.state());
      assertEquals(false, t.configured());
      try (Socket session = viewer.accept()) {
        assertEquals("RFB 003.008\n", read(session, 12));
        assertEquals(List.of(t), connector.targets());
      }
      awaitTrue(() -> connector.targets().isEmpty(), "an ended one-shot is no longer listed");
      viewer.setSoTimeout(2000);
      assertThrows(SocketTimeoutException.class, viewer::accept, "not connected again");
    }
  }

  @Test
  void connectFailsWithTheReason() throws Exception {
    connector = new ReverseConnector(acceptor, "", FAST);
    ExecutionException refused = assertThrows(ExecutionException.class, () -> connector
        .connect("127.0.0.1", freePort(), "default").toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertTrue(refused.getCause().getMessage().contains("refused"), refused.getCause().toString());
    ExecutionException noDesktop = assertThrows(ExecutionException.class, () -> connector
        .connect("127.0.0.1", 5500, "nope").toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertTrue(noDesktop.getCause().getMessage().contains("no desktop 'nope'"));
    ExecutionException badPort = assertThrows(ExecutionException.class, () -> connector
        .connect("127.0.0.1", 0, "default").toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertTrue(badPort.getCause() instanceof IllegalArgumentException);
    assertEquals(List.of(), connector.targets());
  }

  private String state(int index) {
    List<Target> targets = connector.targets();
    return targets.size() > index ? targets.get(index).state() : "";
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    s.setSoTimeout(10_000);
    return s;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String read(Socket s, int n) throws IOException {
    s.setSoTimeout(5000);
    return new String(s.getInputStream().readNBytes(n), StandardCharsets.US_ASCII);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
