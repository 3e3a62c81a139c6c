package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.security.ServerCertificate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * RFB through the WebSocket transport in a real framework: the JDK's WebSocket client carries the
 * project's viewer through VNC Authentication to the exact picture, over ws and over wss pinned to
 * VeNCrypt's certificate, and as one message whose fragments never end; bad frames (oversize,
 * unmasked, text) and foreign origins end only their own connection. After each, the native viewer
 * connected before still sees the exact picture.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketRfbTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  @InjectService(timeout = 10_000)
  ServerCertificate certificate;

  WebFixture web;

  @BeforeEach
  void start() throws Exception {
    web = WebFixture.start(context, cm, Map.of(), Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  private RfbClient viewerThrough(WebSocketBridge bridge) throws Exception {
    return RfbClient.builder().host("127.0.0.1").port(bridge.port()).readTimeout(ServerFixture.TIMEOUT)
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(ServerFixture.PASSWORD)
        .encodings(RfbNumbers.ENCODING_RAW).connect();
  }

  @ParameterizedTest(name = "endless fragments: {0}")
  @ValueSource(booleans = {false, true})
  void theJdkWebSocketCarriesVncAuthenticationToTheExactPicture(boolean endless) throws Exception {
    URI uri = URI.create("ws://127.0.0.1:" + web.port + "/websockify");
    try (WebSocketBridge bridge = WebSocketBridge.open(uri, null, endless); RfbClient c = viewerThrough(bridge)) {
      assertEquals(RfbNumbers.SECURITY_VNC_AUTH, c.securityType());
      SecurityFixture.assertPattern(c);
      if (endless) {
        // 16 MiB more of the same never-ending message: incremental update requests, each fragment
        // passed on as it comes; a server that gathered the message would hold all of it and answer nothing
        byte[] requests = new byte[10 * 100_000];
        for (int i = 0; i < requests.length; i += 10) {
          requests[i] = 3;
          requests[i + 1] = 1;
          requests[i + 6] = 0;
          requests[i + 7] = 1;
          requests[i + 9] = 1;
        }
        for (int i = 0; i < 16; i++) {
          c.rawWrite(requests);
        }
        SecurityFixture.assertPattern(c);
      }
    }
  }

  @Test
  void overWssTheJdkClientTrustsOnlyTheVeNCryptCertificate() throws Exception {
    assertEquals(certificate.fingerprint(), VeNCryptServiceTest.fingerprintOf(new SecurityFixture(context, cm).certificate()));
    SSLContext pinned = WebFixture.trusting(new SecurityFixture(context, cm).certificate());
    URI uri = URI.create("wss://localhost:" + web.port + "/websockify");
    try (WebSocketBridge bridge = WebSocketBridge.open(uri, pinned, false); RfbClient c = viewerThrough(bridge)) {
      SecurityFixture.assertPattern(c);
    }
    HttpClient other = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
    ExecutionException e = assertThrows(ExecutionException.class, () -> other.newWebSocketBuilder()
        .buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof javax.net.ssl.SSLHandshakeException || e.getCause().getCause()
        instanceof javax.net.ssl.SSLHandshakeException, "a client without the pin does not trust it: " + e);
  }

  @Test
  void aForeignOriginIsRefusedWith403() throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
        .newWebSocketBuilder().header("Origin", "http://evil.test")
        .buildAsync(URI.create("ws://127.0.0.1:" + web.port + "/websockify"), new WebSocket.Listener() { })
        .get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
    assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      assertTrue(raw.upgrade("/websockify", "http://127.0.0.1:" + web.port).startsWith("HTTP/1.1 101 "),
          "the server's own origin is allowed");
    }
  }

  @Test
  void aTextFrameClosesWith1003() throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + web.port + "/"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    ws.sendText("RFB 003.008\n", true);
    assertEquals(1003, closed.get(10, TimeUnit.SECONDS));
  }

  @Test
  void anUnmaskedFrameClosesWith1002() throws Exception {
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      assertTrue(raw.upgrade("/websockify", null).startsWith("HTTP/1.1 101 "));
      raw.out.write(new byte[] {(byte) 0x82, 12});
      raw.out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
      raw.out.flush();
      assertEquals(1002, raw.awaitCloseFrame());
      assertTrue(raw.closedByServer());
    }
  }

  /** CVE-2015-1779 (QEMU's VNC WebSocket) class: a frame header claiming more than the bound. */
  @Test
  void anOversizeFrameClosesWith1009FromItsHeader() throws Exception {
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      assertTrue(raw.upgrade("/websockify", null).startsWith("HTTP/1.1 101 "));
      byte[] header = {(byte) 0x82, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
          (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4};
      raw.out.write(header); // 2^63 - 1 bytes claimed, none sent
      raw.out.flush();
      assertEquals(1009, raw.awaitCloseFrame());
      assertTrue(raw.closedByServer());
    }
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      assertTrue(raw.upgrade("/websockify", null).startsWith("HTTP/1.1 101 "));
      // The header alone: the server answers it before any payload, and payload written after
      // its close would only end in a broken pipe.
      byte[] frame = new byte[2 + 8 + 4];
      frame[0] = (byte) 0x82;
      frame[1] = (byte) 0xFF;
      ByteBuffer.wrap(frame, 2, 8).putLong(1_048_577); // one byte over the default maxFramePayload
      raw.out.write(frame);
      raw.out.flush();
      assertEquals(1009, raw.awaitCloseFrame());
    }
  }

  @Test
  void stoppingTheBundleClosesItsListenerAndWebSocketsAndLeavesNativeViewers() throws Exception {
    Bundle transport = Arrays.stream(context.getBundles())
        .filter(b -> "org.plugvnc.transport.websocket".equals(b.getSymbolicName())).findFirst().orElseThrow();
    URI uri = URI.create("ws://127.0.0.1:" + web.port + "/websockify");
    try (WebSocketBridge bridge = WebSocketBridge.open(uri, null, false); RfbClient c = viewerThrough(bridge)) {
      SecurityFixture.assertPattern(c);
      transport.stop();
      try {
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", web.port).close());
        assertTrue(c.awaitClose(ServerFixture.TIMEOUT), "the WebSocket viewer is closed");
        SecurityFixture.assertPattern(web.nativeViewer);
      } finally {
        transport.start();
      }
    }
    WebFixture.awaitListening(web.port);
  }
}
