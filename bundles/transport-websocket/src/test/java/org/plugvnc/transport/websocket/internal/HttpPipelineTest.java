package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.send;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.written;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP on the transport's pipeline: files, their headers, bounds, refusals and the two clocks. */
class HttpPipelineTest {

  private final EmbeddedWeb web = new EmbeddedWeb();
  private final EmbeddedChannel ch = web.channel(EmbeddedWeb.settings());

  @Test
  void getServesTheStartPageWithTypeLengthValidatorsAndSecurityHeaders() {
    send(ch, "GET / HTTP/1.1\r\nHost: localhost:5800\r\n\r\n");
    String r = written(ch);
    assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
    assertTrue(r.contains("content-type: text/html; charset=utf-8\r\n"), r);
    assertTrue(r.contains("content-length: " + EmbeddedWeb.PAGE.length + "\r\n"), r);
    assertTrue(r.contains("last-modified: Fri, 02 Jan 2026 03:04:05 GMT\r\n"), r);
    assertTrue(r.contains("cache-control: no-cache\r\n"), r);
    assertTrue(r.contains("etag: \""), r);
    assertTrue(r.contains("X-Content-Type-Options: nosniff\r\n"), r);
    assertTrue(r.contains("Referrer-Policy: no-referrer\r\n"), r);
    assertTrue(r.contains("Cross-Origin-Opener-Policy: same-origin\r\n"), r);
    assertTrue(r.contains("X-Frame-Options: DENY\r\n"), r);
    assertTrue(r.contains("Content-Security-Policy: default-src 'self';"), r);
    assertTrue(r.contains("connect-src 'self' ws://localhost:5800 wss://localhost:5800;"), r);
    assertTrue(r.contains("frame-ancestors 'none'"), r);
    assertTrue(r.endsWith("\r\n\r\n" + new String(EmbeddedWeb.PAGE)), r);
    assertTrue(ch.isActive(), "keep-alive");
  }

  @Test
  void headSendsTheHeadersAloneAndIfNoneMatchGets304() {
    send(ch, "HEAD /app/ui.js?v=1 HTTP/1.1\r\nHost: h\r\n\r\n");
    String head = written(ch);
    assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
    assertTrue(head.contains("content-length: 10\r\n"), head);
    assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head);
    String etag = head.substring(head.indexOf("etag: ") + 6, head.indexOf("\r\n", head.indexOf("etag: ")));
    send(ch, "GET /app/ui.js HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"other\", " + etag + "\r\n\r\n");
    String notModified = written(ch);
    assertTrue(notModified.startsWith("HTTP/1.1 304 Not Modified\r\n"), notModified);
    assertTrue(notModified.endsWith("\r\n\r\n"), notModified);
    assertTrue(ch.isActive());
  }

  @Test
  void missingFilesTraversalAndOtherMethods() {
    send(ch, "GET /nothing.html HTTP/1.1\r\nHost: h\r\n\r\n");
    assertTrue(written(ch).startsWith("HTTP/1.1 404 Not Found\r\n"));
    send(ch, "GET /app/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n");
    assertTrue(written(ch).startsWith("HTTP/1.1 400 Bad Request\r\n"));
    assertFalse(ch.isActive(), "closed after a refusal");

    EmbeddedChannel post = web.channel(EmbeddedWeb.settings());
    send(post, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");
    String r = written(post);
    assertTrue(r.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), r);
    assertTrue(r.contains("allow: GET, HEAD\r\n"), r);
    assertFalse(post.isActive());
  }

  @Test
  void withoutWebContentTheStartPageSaysHowToInstallIt() {
    web.content = List.of();
    send(ch, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    String r = written(ch);
    assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
    assertTrue(r.contains("plugvnc-webclient"), r);
    send(ch, "GET /vnc.html HTTP/1.1\r\nHost: h\r\n\r\n");
    assertTrue(written(ch).startsWith("HTTP/1.1 404 Not Found\r\n"));
  }

  @Test
  void aRequestLineOver4KiBGets414AndHeadersOver8KiBGet431() {
    send(ch, "GET /" + "a".repeat(5000) + " HTTP/1.1\r\n");
    assertTrue(written(ch).startsWith("HTTP/1.1 414 Request-URI Too Long\r\n"));
    assertFalse(ch.isActive());

    EmbeddedChannel headers = web.channel(EmbeddedWeb.settings());
    StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
    for (int i = 0; i < 100; i++) {
      many.append("X-Filler-").append(i).append(": ").append("b".repeat(100)).append("\r\n");
    }
    send(headers, many.toString());
    assertTrue(written(headers).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    assertFalse(headers.isActive());
  }

  @Test
  void aRequestMustArriveInTimeAndAnIdleConnectionIsClosed() {
    send(ch, "GET / HTTP/1.1\r\nHost: h\r\n"); // never ends
    ch.advanceTimeBy(9, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isActive());
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isActive(), "closed 10 s after connecting");

    EmbeddedChannel idle = web.channel(EmbeddedWeb.settings());
    send(idle, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    written(idle);
    idle.advanceTimeBy(29, TimeUnit.SECONDS);
    idle.runScheduledPendingTasks();
    assertTrue(idle.isActive(), "kept alive");
    idle.advanceTimeBy(2, TimeUnit.SECONDS);
    idle.runScheduledPendingTasks();
    assertFalse(idle.isActive(), "closed after 30 s idle");
  }

  @Test
  void tlsRequiredRedirectsPlainHttpAndRefusesAPlainWebSocket() {
    WebSettings s = EmbeddedWeb.settings();
    WebSettings required = new WebSettings(s.addresses(), s.port(), s.desktop(), s.path(), s.maxFramePayload(),
        s.requestTimeoutMillis(), s.idleTimeoutMillis(), s.origins(), TlsMode.REQUIRED, s.frameAncestors());
    EmbeddedChannel plain = web.channel(required);
    send(plain, "GET /vnc.html?x=1 HTTP/1.1\r\nHost: vnc.example:5800\r\n\r\n");
    String r = written(plain);
    assertTrue(r.startsWith("HTTP/1.1 308 Permanent Redirect\r\n"), r);
    assertTrue(r.contains("location: https://vnc.example:5800/vnc.html?x=1\r\n"), r);

    EmbeddedChannel ws = web.channel(required);
    send(ws, WebSocketPipelineTest.upgrade(null, "vnc.example:5800"));
    assertTrue(written(ws).startsWith("HTTP/1.1 403 Forbidden\r\n"));
    assertTrue(web.served.isEmpty());
  }

  @Test
  void aClientHelloWithoutACertificateIsClosed() {
    ch.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05}));
    assertFalse(ch.isActive());
  }

  @Test
  void frameAncestorsFromTheConfigurationReplaceXFrameOptions() {
    WebSettings s = EmbeddedWeb.settings();
    WebSettings kiosk = new WebSettings(s.addresses(), s.port(), s.desktop(), s.path(), s.maxFramePayload(),
        s.requestTimeoutMillis(), s.idleTimeoutMillis(), s.origins(), s.tls(),
        SettingsParser.frameAncestors("https://portal.example"));
    EmbeddedChannel c = web.channel(kiosk);
    send(c, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    String r = written(c);
    assertTrue(r.contains("frame-ancestors https://portal.example\r\n"), r);
    assertFalse(r.contains("X-Frame-Options"), r);
    assertEquals("'none'", SettingsParser.frameAncestors("https://a.example; script-src *"), "no injection");
  }
}
