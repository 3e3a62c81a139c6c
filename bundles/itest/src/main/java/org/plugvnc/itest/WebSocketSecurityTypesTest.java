package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.channels.SocketChannel;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/**
 * The security types that add a layer under the RFB stream, over a WebSocket: VeNCrypt's TLS
 * (X509Vnc) and RSA-AES's record layer are put after the WebSocket framing, so the JDK's WebSocket
 * client carries the project's viewer through either to the exact picture. And the failed-login
 * blacklist counts one peer across transports: wrong answers over a WebSocket, TCP and the Unix
 * socket (all from this machine) add up, and then the right one is refused on each of them.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketSecurityTypesTest {

  private static final int BLOCK_SECONDS = 4;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  SecurityFixture security;
  WebFixture web;
  Path unixSocket;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2);
    security.configure(SecurityFixture.VENCRYPT_PID, null, RfbNumbers.SECURITY_VENCRYPT);
    web = WebFixture.start(context, cm, Map.of(), Map.of("securityTypes", "VncAuth,VeNCrypt,RA2",
        "blacklistThreshold", 3, "blacklistTimeoutSeconds", BLOCK_SECONDS));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (unixSocket != null) {
        cm.getConfiguration(UnixSocketTest.PID, "?").delete();
        UnixSocketTest.awaitTrue(() -> !Files.exists(unixSocket), "the socket file is removed");
      }
      waitOutTheBlock();
    } finally {
      web.close();
    }
  }

  private static URI ws(int port) {
    return URI.create("ws://127.0.0.1:" + port + "/websockify");
  }

  private static RfbClientBuilder through(WebSocketBridge bridge) {
    return RfbClient.builder().host("127.0.0.1").port(bridge.port()).readTimeout(ServerFixture.TIMEOUT)
        .encodings(RfbNumbers.ENCODING_RAW);
  }

  @Test
  void veNCryptX509VncOverAWebSocketSeesTheExactPicture() throws Exception {
    try (WebSocketBridge bridge = WebSocketBridge.open(ws(web.port), null, false);
        RfbClient c = through(bridge).securityType(RfbNumbers.SECURITY_VENCRYPT)
            .veNCryptSubtypes(RfbNumbers.VENCRYPT_X509_VNC).trustCertificates(security.certificate())
            .password(ServerFixture.PASSWORD).connect()) {
      assertEquals(RfbNumbers.SECURITY_VENCRYPT, c.securityType());
      assertEquals(RfbNumbers.VENCRYPT_X509_VNC, c.security().subtype());
      SecurityFixture.assertPattern(c);
    }
  }

  @Test
  void rsaAesOverAWebSocketSeesTheExactPicture() throws Exception {
    try (WebSocketBridge bridge = WebSocketBridge.open(ws(web.port), null, false);
        RfbClient c = through(bridge).securityType(RfbNumbers.SECURITY_RA2)
            .password(ServerFixture.PASSWORD).connect()) {
      assertEquals(RfbNumbers.SECURITY_RA2, c.securityType());
      SecurityFixture.assertPattern(c);
    }
  }

  @Test
  void wrongAnswersOverEveryTransportCountTowardOneBlacklist() throws Exception {
    unixSocket = Files.createTempDirectory("plugvnc-unix").resolve("s/vnc.sock");
    web.server.update(UnixSocketTest.PID, Map.of("path", unixSocket.toString()));
    UnixSocketTest.awaitTrue(() -> {
      try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(unixSocket))) {
        return true;
      } catch (java.io.IOException notYet) {
        return false;
      }
    }, "the Unix socket accepts connections");

    assertWrong(() -> webSocketViewer("wrong-pw1"));
    assertWrong(() -> web.server.client().securityType(RfbNumbers.SECURITY_VNC_AUTH).password("wrong-pw2").connect());
    assertWrong(() -> unixViewer("wrong-pw3"));

    for (ThrowingConnect right : List.<ThrowingConnect>of(
        () -> webSocketViewer(ServerFixture.PASSWORD),
        () -> web.server.client().securityType(RfbNumbers.SECURITY_VNC_AUTH).password(ServerFixture.PASSWORD)
            .connect(),
        () -> unixViewer(ServerFixture.PASSWORD))) {
      RfbSecurityException blocked = assertThrows(RfbSecurityException.class, () -> right.connect().close());
      assertEquals(Failure.CONNECTION_REFUSED, blocked.failure(), "the right answer comes too late");
      assertTrue(blocked.serverReason().contains("too many"), blocked.serverReason());
    }
  }

  private interface ThrowingConnect {
    RfbClient connect() throws Exception;
  }

  private static void assertWrong(ThrowingConnect wrong) {
    RfbSecurityException e = assertThrows(RfbSecurityException.class, () -> wrong.connect().close());
    assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
  }

  /** A viewer over its own WebSocket; the bridge ends with the viewer's socket. */
  private RfbClient webSocketViewer(String password) throws Exception {
    WebSocketBridge bridge = WebSocketBridge.open(ws(web.port), null, false);
    try {
      return through(bridge).securityType(RfbNumbers.SECURITY_VNC_AUTH).password(password).connect();
    } finally {
      bridge.close();
    }
  }

  private RfbClient unixViewer(String password) throws Exception {
    return RfbClient.builder().unixSocket(unixSocket).readTimeout(ServerFixture.TIMEOUT)
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(password).connect();
  }

  /** Lets the block run out, so that later tests from this address are not refused. */
  private void waitOutTheBlock() throws Exception {
    long end = System.nanoTime() + (BLOCK_SECONDS + 10) * 1_000_000_000L;
    while (true) {
      try (RfbClient c = web.server.client().securityType(RfbNumbers.SECURITY_VNC_AUTH)
          .password(ServerFixture.PASSWORD).connect()) {
        return;
      } catch (RfbSecurityException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }
}
