package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.web.WebResource;
import org.plugvnc.webclient.internal.ClientSettings;
import org.plugvnc.webclient.internal.PackedFiles;
import org.plugvnc.webclient.internal.WebClientContent;

/**
 * The browser harness works: headless Chromium loads the web client bundle's start page, served
 * by the bundle's own component (built from the packed jar, as in OSGi) through a small JDK HTTP
 * server, with no JavaScript error, noVNC's RFB module loaded, the page's controls present, and
 * the preset page opening its WebSocket to its own host and port on the preset path.
 */
class BrowserSmokeIT {

  private static final Duration LIMIT = Duration.ofSeconds(90);

  private HttpServer http;
  private String base;

  @BeforeAll
  static void requireBrowser() {
    Browser.require();
  }

  @BeforeEach
  void serveTheWebClient() throws IOException, URISyntaxException {
    WebClientContent content = new WebClientContent(packedFiles(), ClientSettings.DEFAULTS);
    assertTrue(content.novncPresent(),
        "the web client bundle was built without noVNC (npm missing?): run scripts/install-test-deps.sh and rebuild");
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext("/", exchange -> serve(content, exchange));
    http.start();
    base = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.stop(0);
    }
  }

  @Test
  void chromiumLoadsTheStartPageAndNoVnc() {
    Path screenshot = Interop.artefacts().resolve("browser-smoke.png");
    Browser.Result result = Browser.run(
        "webclient-smoke.cjs", List.of(base, screenshot.toString()), LIMIT, "browser-smoke.log");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("{\"pageErrors\":[],\"consoleErrors\":[],\"failedRequests\":[],\"httpErrors\":[]}",
        result.require("problems"), result.output());
    assertEquals("{\"type\":\"function\",\"methods\":[\"sendCredentials\",\"clipboardPasteFrom\","
        + "\"sendCtrlAltDel\",\"disconnect\"]}", result.require("rfb"));
    assertEquals("\"disconnected\"", result.require("state"), "autoconnect=false in the query waits");
    assertEquals("[\"connect\",\"resize\",\"clipboard-toggle\",\"fullscreen\",\"credentials\"]",
        result.require("controls"));
    assertEquals("\"ws://127.0.0.1:" + http.getAddress().getPort() + "/websockify\"",
        result.require("webSocketUrl"), "the preset page connects back to its own origin");
    assertTrue(result.require("browserVersion").matches("\"\\d+\\.[\\d.]+\""), result.output());
    assertTrue(Files.isRegularFile(screenshot), "no screenshot at " + screenshot);
  }

  /** The bundle's packed files as its component indexes them in OSGi: from the jar itself. */
  private static PackedFiles packedFiles() throws URISyntaxException {
    Path location = Path.of(WebClientContent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) { // the module's target/classes, outside a packaged build
      return PackedFiles.fromDirectory(location.resolve("novnc"), "")
          .with(PackedFiles.fromDirectory(location.resolve("webclient"), "plugvnc/"));
    }
    return PackedFiles.fromJar(location, "novnc", "").with(PackedFiles.fromJar(location, "webclient", "plugvnc/"));
  }

  /** GET of one file, as the WebSocket transport's HTTP listener serves {@code WebContent}. */
  private static void serve(WebClientContent content, HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(1);
      Optional<WebResource> found = "GET".equals(exchange.getRequestMethod())
          ? content.find(path) : Optional.empty();
      if (found.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      WebResource resource = found.get();
      exchange.getResponseHeaders().set("Content-Type", resource.contentType());
      exchange.getResponseHeaders().set("ETag", "\"" + resource.etag() + "\"");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.sendResponseHeaders(200, resource.length());
      try (InputStream in = resource.open(); OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }
}
