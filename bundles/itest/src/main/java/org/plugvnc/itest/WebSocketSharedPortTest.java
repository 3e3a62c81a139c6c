package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * {@code shareRfbPort}: on the RFB port itself, an HTTP GET gets the page (over http and https), a
 * WebSocket gets RFB, and native viewers, before and after, get RFB as ever.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketSharedPortTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  WebFixture web;

  @BeforeEach
  void start() throws Exception {
    // The JDK client's first TLS connection in a JVM takes longer than the engine's default
    // 100 ms wait to send its ClientHello (a browser does not), and would then be greeted as RFB.
    web = WebFixture.start(context, cm, Map.of("shareRfbPort", true), Map.of("sharedPortWaitMillis", 2000));
    long end = System.nanoTime() + ServerFixture.TIMEOUT.toNanos();
    while (context.getServiceReference(SharedPortProtocol.class) == null && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(context.getServiceReference(SharedPortProtocol.class) != null, "the shared-port protocol is registered");
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  @Test
  void theRfbPortServesThePageTheWebSocketAndNativeViewers() throws Exception {
    int rfbPort = web.server.port;
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + rfbPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals(WebFixture.PAGE, page.body());

    HttpClient https = HttpClient.newBuilder()
        .sslContext(WebFixture.trusting(new SecurityFixture(context, cm).certificate())).build();
    HttpResponse<String> secure = https.send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + rfbPort + "/app/ui.js")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, secure.statusCode());
    assertEquals(WebFixture.SCRIPT, secure.body());

    URI ws = URI.create("ws://127.0.0.1:" + rfbPort + "/websockify");
    try (WebSocketBridge bridge = WebSocketBridge.open(ws, null, false);
        RfbClient c = RfbClient.builder().host("127.0.0.1").port(bridge.port()).readTimeout(ServerFixture.TIMEOUT)
            .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(ServerFixture.PASSWORD)
            .encodings(RfbNumbers.ENCODING_RAW).connect()) {
      SecurityFixture.assertPattern(c);
    }
    try (RfbClient later = web.server.client().password(ServerFixture.PASSWORD)
        .encodings(RfbNumbers.ENCODING_RAW).connect()) {
      SecurityFixture.assertPattern(later);
    }
  }
}
