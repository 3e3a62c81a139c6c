package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component on real sockets and real I/O threads, with an engine stand-in that echoes: binding
 * several addresses, rebinding on a change while connections stay, http and https (and ws and
 * wss) on one port, and deactivation closing what the transport opened.
 */
class TransportSocketTest {

  private final LoopbackEngine engine = new LoopbackEngine();
  private WebSocketTransport transport;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.deactivate();
    }
    engine.close();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The JDK's WebSocket client; what it receives is queued as text. */
  private static WebSocket connect(HttpClient http, URI uri, LinkedBlockingQueue<String> received) throws Exception {
    return http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        received.add(StandardCharsets.US_ASCII.decode(data).toString());
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        received.add("close " + statusCode);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
  }

  private static String echo(WebSocket ws, LinkedBlockingQueue<String> received, String text) throws Exception {
    ws.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), true).get(10, TimeUnit.SECONDS);
    return received.poll(10, TimeUnit.SECONDS);
  }

  @Test
  void everyAddressIsBoundAndOneFailingIsNotAllFailing() throws Exception {
    int port = freePort();
    transport = new WebSocketTransport(engine, null,
        Configs.of(Map.of("port", port, "bindAddress", "127.0.0.1, 192.0.2.1")));
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", port)), transport.listening(),
        "192.0.2.1 (TEST-NET) is no local address: logged, the other bound");
    assertEquals(1, engine.guarded.size(), "counted by the engine's connection limit");
    transport.modified(Configs.of(Map.of("port", port, "bindAddress", "192.0.2.1")));
    assertTrue(transport.listening().isEmpty(), "all failing: no listener");
    transport.modified(Configs.of(Map.of("port", port, "enabled", false)));
    assertTrue(transport.listening().isEmpty());
  }

  @Test
  void aNewPortIsBoundWhileTheOpenWebSocketStays() throws Exception {
    int first = freePort();
    transport = new WebSocketTransport(engine, null, Configs.of(Map.of("port", first)));
    HttpClient http = HttpClient.newHttpClient();
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket ws = connect(http, URI.create("ws://127.0.0.1:" + first + "/websockify"), received);
    assertEquals(LoopbackEngine.GREETING, received.poll(10, TimeUnit.SECONDS));
    assertEquals(List.of("default/websocket"), engine.served);

    int second = freePort();
    transport.modified(Configs.of(Map.of("port", second, "desktop", "other")));
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", first).close(), "the old port is closed");
    assertEquals("hello", echo(ws, received, "hello"), "the connection stays");

    LinkedBlockingQueue<String> again = new LinkedBlockingQueue<>();
    connect(http, URI.create("ws://127.0.0.1:" + second + "/"), again);
    assertEquals(LoopbackEngine.GREETING, again.poll(10, TimeUnit.SECONDS));
    assertEquals("other/websocket", engine.served.get(1), "the new desktop for new connections");

    transport.deactivate();
    transport = null;
    assertEquals("close 1000", received.poll(10, TimeUnit.SECONDS), "deactivation closes its WebSockets");
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", second).close());
  }

  @Test
  void httpsAndWssShareThePortWithPlainHttpOnceACertificateIsBound(@TempDir Path dir) throws Exception {
    KeytoolCertificate certificate = KeytoolCertificate.generate(dir);
    int port = freePort();
    transport = new WebSocketTransport(engine, null, Configs.of(Map.of("port", port)));
    HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingClient()).build();
    URI page = URI.create("https://localhost:" + port + "/");
    assertThrows(java.io.IOException.class, () -> https.send(HttpRequest.newBuilder(page).build(),
        HttpResponse.BodyHandlers.ofString()), "no certificate yet: TLS is closed");

    transport.bindCertificate(certificate);
    HttpResponse<String> secure = https.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, secure.statusCode());
    assertTrue(secure.body().contains("plugvnc-webclient"), secure.body());
    assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "plain http on the same port");

    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket wss = connect(https, URI.create("wss://localhost:" + port + "/websockify"), received);
    assertEquals(LoopbackEngine.GREETING, received.poll(10, TimeUnit.SECONDS));
    assertEquals("over tls", echo(wss, received, "over tls"));

    transport.modified(Configs.of(Map.of("port", port, "tls", "required")));
    HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/x?y")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(308, redirect.statusCode());
    assertEquals("https://127.0.0.1:" + port + "/x?y", redirect.headers().firstValue("location").orElseThrow());

    transport.unbindCertificate(certificate);
    assertThrows(java.io.IOException.class, () -> https.send(HttpRequest.newBuilder(page).build(),
        HttpResponse.BodyHandlers.ofString()), "the certificate gone: no TLS for new connections");
    assertEquals("still", echo(wss, received, "still"), "the open wss connection keeps its TLS");
  }
}
