package org.plugvnc.webclient.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.web.WebResource;

/**
 * The component built as DS builds it, over a noVNC tree on disk (a stand-in with noVNC's layout)
 * and the page's real files from this module's resources.
 */
class WebClientContentTest {

  @TempDir Path dir;

  private static PackedFiles pageFiles() throws URISyntaxException {
    Path page = Path.of(WebClientContentTest.class.getResource("/webclient/client.js").toURI()).getParent();
    return PackedFiles.fromDirectory(page, "plugvnc/");
  }

  private PackedFiles novnc() throws IOException {
    Path root = dir.resolve("novnc");
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("core/rfb.js"), "export default class RFB {}\n");
    Files.writeString(root.resolve("LICENSE.txt"), "noVNC is licensed under the MPL 2.0\n");
    return PackedFiles.fromDirectory(root, "");
  }

  private static String text(WebResource resource) throws IOException {
    try (InputStream in = resource.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void startPageIsTheClientPresetFromTheConfiguration() throws Exception {
    WebClientContent content = new WebClientContent(
        novnc().with(pageFiles()), ClientSettings.from(TestConfiguration.defaults().withPath("vnc/ws")));

    WebResource page = content.find("").orElseThrow();

    assertEquals("text/html; charset=utf-8", page.contentType());
    String html = text(page);
    assertTrue(html.contains("<script type=\"application/json\" id=\"plugvnc-settings\">{\"autoconnect\":true,"
        + "\"resize\":\"scale\",\"reconnect\":true,\"reconnectDelayMillis\":2000,\"path\":\"vnc/ws\","
        + "\"shared\":true}</script>"), html);
    assertTrue(html.contains("src=\"plugvnc/client.js\""), html);
    assertFalse(html.contains(StartPage.SETTINGS_MARKER));
    assertEquals(html.getBytes(StandardCharsets.UTF_8).length, page.length());
    assertEquals(page, content.find("index.html").orElseThrow());
    assertEquals(page, content.find("vnc.html").orElseThrow());
    assertTrue(content.novncPresent());
  }

  @Test
  void servesNoVncAndThePageFilesWithTheirTypes() throws Exception {
    WebClientContent content = new WebClientContent(novnc().with(pageFiles()), ClientSettings.DEFAULTS);

    assertEquals("text/javascript; charset=utf-8", content.find("core/rfb.js").orElseThrow().contentType());
    assertEquals("text/javascript; charset=utf-8", content.find("plugvnc/client.js").orElseThrow().contentType());
    assertEquals("text/css; charset=utf-8", content.find("plugvnc/client.css").orElseThrow().contentType());
    assertTrue(text(content.find("plugvnc/client.js").orElseThrow()).contains("from '../core/rfb.js'"));
    assertTrue(content.find("LICENSE.txt").isPresent());
    assertFalse(content.find("client.js").isPresent());
    assertFalse(content.find("../novnc/core/rfb.js").isPresent());
    assertFalse(content.find("org/plugvnc/webclient/internal/start.html").isPresent());
  }

  @Test
  void aConfigurationChangeChangesTheStartPageAndItsEtag() throws Exception {
    WebClientContent content = new WebClientContent(novnc().with(pageFiles()), ClientSettings.DEFAULTS);
    WebResource before = content.find("").orElseThrow();

    content.modified(TestConfiguration.defaults().withResize("remote"));

    WebResource after = content.find("").orElseThrow();
    assertTrue(text(after).contains("\"resize\":\"remote\""));
    assertFalse(text(before).contains("\"resize\":\"remote\""));
    assertNotEquals(before.etag(), after.etag());
  }

  @Test
  void withoutNoVncTheStartPageSaysHowToGetIt() throws Exception {
    WebClientContent content = new WebClientContent(
        PackedFiles.fromDirectory(dir.resolve("absent"), "").with(pageFiles()), ClientSettings.DEFAULTS);

    WebResource page = content.find("").orElseThrow();

    assertFalse(content.novncPresent());
    assertEquals("text/html; charset=utf-8", page.contentType());
    String html = text(page);
    assertTrue(html.contains("built without noVNC"), html);
    assertTrue(html.contains("apt-get install npm"), html);
    assertTrue(html.contains("mvn install"), html);
    assertTrue(html.contains("noVNC\n    " + WebClientContent.NOVNC_VERSION), html);
    assertFalse(html.contains("plugvnc/client.js"), html);
    assertFalse(content.find("core/rfb.js").isPresent());
  }

  @Test
  void versionIsTheOneThePomPacks() {
    assertEquals(System.getProperty("novnc.version"), WebClientContent.NOVNC_VERSION,
        "WebClientContent.NOVNC_VERSION must follow the pom's novnc.version");
  }
}
