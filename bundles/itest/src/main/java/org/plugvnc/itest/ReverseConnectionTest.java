package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.PASSWORD;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.api.management.ReverseConnections.Target;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;

/**
 * Reverse connections in the real framework with the real engine: the project's client in listen
 * mode is connected to, authenticates with VNC Authentication and sees every pixel; a configured
 * viewer that starts listening later is reached by retry; a one-shot connect.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ReverseConnectionTest {

  static final String PID = "org.plugvnc.transport.reverse";

  @InjectService
  ConfigurationAdmin cm;

  /** The first test of a run may come before the engine, and the transport after it, are up. */
  @InjectService(timeout = 10_000)
  ReverseConnections reverse;

  @InjectBundleContext
  BundleContext context;

  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    cm.getConfiguration(PID, "?").delete();
  }

  @Test
  void aConfiguredViewerIsConnectedAndSeesEveryPixel() throws Exception {
    try (ServerSocket listening = listener(0)) {
      server.update(PID, Map.of("viewers", "127.0.0.1:" + listening.getLocalPort()));
      try (RfbClient c = viewer().accept(listening)) {
        assertEquals(RfbNumbers.SECURITY_VNC_AUTH, c.securityType());
        c.refresh(TIMEOUT);
        int[] desktop = Pictures.desktop(context);
        assertTrue(Pictures.equal(desktop, c.pixels()),
            Pictures.firstDifference(desktop, c.pixels(), c.width()));
        UnixSocketTest.awaitTrue(() -> reverse.targets().stream()
            .anyMatch(t -> t.configured() && t.state().equals("connected")), "listed connected");
      }
    }
  }

  @Test
  void aViewerThatStartsListeningLaterIsReachedByRetry() throws Exception {
    int port;
    try (ServerSocket probe = listener(0)) {
      port = probe.getLocalPort();
    }
    server.update(PID, Map.of("viewers", "127.0.0.1:" + port, "retryMinSeconds", 1,
        "retryMaxSeconds", 2));
    UnixSocketTest.awaitTrue(() -> reverse.targets().stream()
        .anyMatch(t -> t.port() == port && t.state().equals("waiting")), "a refused attempt");
    Thread.sleep(1500);
    try (ServerSocket listening = listener(port); RfbClient c = viewer().accept(listening)) {
      c.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(3, 4, ServerFixture.WIDTH, ServerFixture.HEIGHT),
          c.pixel(3, 4));
    }
  }

  @Test
  void connectIsOneShotAndReportsRefusals() throws Exception {
    try (ServerSocket listening = listener(0)) {
      Target t = reverse.connect("127.0.0.1", listening.getLocalPort(), "default")
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertEquals("connected", t.state());
      try (RfbClient c = viewer().accept(listening)) {
        c.refresh(TIMEOUT);
        assertEquals(ServerFixture.pattern(0, 0, ServerFixture.WIDTH, ServerFixture.HEIGHT),
            c.pixel(0, 0));
        assertEquals(List.of(t), reverse.targets());
      }
      UnixSocketTest.awaitTrue(() -> reverse.targets().isEmpty(), "the ended one-shot goes");
    }
    int closed;
    try (ServerSocket probe = listener(0)) {
      closed = probe.getLocalPort();
    }
    String failure = reverse.connect("127.0.0.1", closed, "default").toCompletableFuture()
        .handle((ok, e) -> e == null ? "connected" : e.getMessage()).get(10, TimeUnit.SECONDS);
    assertTrue(failure.contains("refused"), failure);
  }

  private RfbClientBuilder viewer() {
    return RfbClient.builder().readTimeout(TIMEOUT).connectTimeout(Duration.ofSeconds(10))
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(PASSWORD);
  }

  static ServerSocket listener(int port) throws java.io.IOException {
    return new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
  }
}
