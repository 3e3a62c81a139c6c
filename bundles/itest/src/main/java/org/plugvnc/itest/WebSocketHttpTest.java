package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The WebSocket transport's HTTP side in a real framework over real sockets: a test WebContent's
 * files with their headers (through the JDK's HTTP client), refusals of traversal, other methods,
 * oversize requests and requests that never end (over raw sockets). After each, the native viewer
 * connected before still sees the exact picture.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketHttpTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  WebFixture web;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(ServerFixture.TIMEOUT).build();

  @BeforeEach
  void start() throws Exception {
    web = WebFixture.start(context, cm, Map.of(), Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + web.port + path);
  }

  @Test
  void getAndHeadServeTheContentWithItsHeaders() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals(WebFixture.PAGE, page.body());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
    assertEquals("Wed, 04 Mar 2026 05:06:07 GMT", page.headers().firstValue("last-modified").orElseThrow());
    assertEquals("no-cache", page.headers().firstValue("cache-control").orElseThrow());
    assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
    assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElseThrow());
    assertEquals("DENY", page.headers().firstValue("x-frame-options").orElseThrow());
    assertEquals("same-origin", page.headers().firstValue("cross-origin-opener-policy").orElseThrow());
    String csp = page.headers().firstValue("content-security-policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'self';") && csp.contains("frame-ancestors 'none'"), csp);

    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri("/app/ui.js?cache=1"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(200, head.statusCode());
    assertEquals(String.valueOf(WebFixture.SCRIPT.length()), head.headers().firstValue("content-length").orElseThrow());
    assertEquals("text/javascript; charset=utf-8", head.headers().firstValue("content-type").orElseThrow());
    String etag = head.headers().firstValue("etag").orElseThrow();

    HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/app/ui.js")).header("If-None-Match", etag)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("allow").orElseThrow());
    assertEquals(404, http.send(HttpRequest.newBuilder(uri("/missing.html")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void withoutWebContentTheStartPageSaysTheClientIsNotInstalled() throws Exception {
    web.unregisterContent();
    // the web client bundle's own content, when it is in the run, goes too while this test runs
    java.util.Optional<org.osgi.framework.Bundle> webclient = java.util.Arrays.stream(context.getBundles())
        .filter(b -> "org.plugvnc.webclient".equals(b.getSymbolicName())).findFirst();
    if (webclient.isPresent()) {
      webclient.get().stop();
    }
    try {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("plugvnc-webclient"), page.body());
      assertEquals(404, http.send(HttpRequest.newBuilder(uri("/app/ui.js")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode());
    } finally {
      if (webclient.isPresent()) {
        webclient.get().start();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/../etc/passwd", "/app/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
      "/app%2f..%2f..%2fetc%2fpasswd", "/app\\..\\..\\etc\\passwd", "/app/ui.js%00.html", "/%252e%252e/x",
      "//etc/passwd", "/app/./ui.js"})
  void traversalAttemptsAreRefused(String target) throws Exception {
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      raw.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      String head = raw.head();
      assertTrue(head.startsWith("HTTP/1.1 400 ") || head.startsWith("HTTP/1.1 404 "), target + ": " + head);
      assertTrue(!head.contains("root:") && !head.contains("export const"), head);
    }
  }

  @Test
  void anOversizeRequestLineGets414AndOversizeHeaders431() throws Exception {
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      raw.send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertTrue(raw.head().startsWith("HTTP/1.1 414 "));
      assertTrue(raw.closedByServer());
    }
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      StringBuilder r = new StringBuilder("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (int i = 0; i < 200; i++) {
        r.append("X-Filler-").append(i).append(": ").append("b".repeat(60)).append("\r\n");
      }
      raw.send(r.append("\r\n").toString());
      assertTrue(raw.head().startsWith("HTTP/1.1 431 "));
      assertTrue(raw.closedByServer());
    }
  }

  @Test
  void aRequestThatNeverEndsIsClosedAfterTheRequestTimeout() throws Exception {
    for (String partial : List.of("", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")) {
      try (RawWebSocket raw = new RawWebSocket(web.port)) {
        long start = System.nanoTime();
        raw.send(partial);
        assertTrue(raw.closedByServer(), "closed");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1500 && millis < 6000, "after the 2 s request timeout: " + millis + " ms");
      }
    }
    try (RawWebSocket raw = new RawWebSocket(web.port)) {
      raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      raw.response(WebFixture.PAGE.length());
      long start = System.nanoTime();
      assertTrue(raw.closedByServer(), "an idle keep-alive connection is closed");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 2500 && millis < 7000, "after the 3 s idle timeout: " + millis + " ms");
    }
  }

  @Test
  void tlsRequiredRedirectsPlainHttp() throws Exception {
    web.reconfigure(Map.of("tls", "required"));
    HttpResponse<Void> r;
    long end = System.nanoTime() + ServerFixture.TIMEOUT.toNanos();
    do { // the configuration applies live, once ConfigAdmin has delivered it
      r = http.send(HttpRequest.newBuilder(uri("/vnc.html?x=1")).build(), HttpResponse.BodyHandlers.discarding());
    } while (r.statusCode() != 308 && System.nanoTime() < end);
    assertEquals(308, r.statusCode());
    assertEquals("https://127.0.0.1:" + web.port + "/vnc.html?x=1", r.headers().firstValue("location").orElseThrow());
  }
}
