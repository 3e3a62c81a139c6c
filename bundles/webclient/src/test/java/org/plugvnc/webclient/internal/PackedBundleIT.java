package org.plugvnc.webclient.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.web.WebResource;

/**
 * The built bundle jar: noVNC's library and every licence it carries are packed, and the
 * component serves them from the jar. A build that packed no noVNC (npm missing or failing, or
 * {@code -Dwebclient.novnc.skip=true}), as its status file says, is checked for the opposite: no
 * noVNC in the jar, and the start page saying how to get it: a machine without npm still
 * builds and tests this bundle, with a warning. The browser tests in distribution need noVNC and
 * fail without it.
 */
class PackedBundleIT {

  private static final Path JAR = Path.of(System.getProperty("webclient.jar", "target/plugvnc-webclient.jar"));
  /** What the build packed (target/novnc-status.properties, written by the pom's fetch-novnc step). */
  private static final Properties STATUS = status();
  private static final boolean SKIPPED = !Boolean.parseBoolean(STATUS.getProperty("packed"));

  private static Properties status() {
    Properties status = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("novnc.status")))) {
      status.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the build wrote no novnc-status.properties", e);
    }
    if (!Boolean.parseBoolean(status.getProperty("packed"))) {
      System.err.println("WARNING: this build packed no noVNC (" + status.getProperty("reason")
          + "): checking the bundle without it");
    }
    return status;
  }

  @Test
  void jarIsTheWebClientBundle() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Manifest manifest = jar.getManifest();
      assertEquals("org.plugvnc.webclient", manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
      assertTrue(manifest.getMainAttributes().getValue("Service-Component").contains("WebClientContent"));
      assertTrue(jar.getEntry("webclient/client.js") != null, "the page's script is packed");
    }
  }

  @Test
  void noVncAndItsLicencesArePackedOrTheBuildSaysItSkippedThem() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      if (SKIPPED) {
        assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("novnc/")),
            "the build says it packed no noVNC, yet the jar holds some");
        return;
      }
      assertTrue(jar.getEntry("novnc/core/rfb.js") != null,
          "the build says it packed noVNC, but the jar lacks core/rfb.js");
      String licence = entry(jar, "novnc/LICENSE.txt");
      assertTrue(licence.contains("licensed under the MPL 2.0"), licence);
      assertTrue(entry(jar, "novnc/docs/LICENSE.MPL-2.0").contains("Mozilla Public License Version 2.0"));
      assertTrue(entry(jar, "novnc/vendor/pako/LICENSE").contains("Permission is hereby granted"));
      assertTrue(entry(jar, "novnc/package.json")
          .contains("\"version\": \"" + System.getProperty("novnc.version") + "\""));
      assertTrue(entry(jar, "novnc/core/rfb.js").contains("export default class RFB"));
    }
  }

  @Test
  void componentServesTheJarsFiles() throws IOException {
    PackedFiles files = PackedFiles.fromJar(JAR, "novnc", "").with(PackedFiles.fromJar(JAR, "webclient", "plugvnc/"));
    WebClientContent content = new WebClientContent(files, ClientSettings.DEFAULTS);

    String start = text(content.find("").orElseThrow());
    if (SKIPPED) {
      assertFalse(content.novncPresent());
      assertTrue(start.contains("built without noVNC"), start);
      return;
    }
    assertTrue(content.novncPresent());
    assertTrue(start.contains("plugvnc/client.js"), start);
    WebResource rfb = content.find("core/rfb.js").orElseThrow();
    assertEquals("text/javascript; charset=utf-8", rfb.contentType());
    assertTrue(rfb.length() > 10_000, "rfb.js is " + rfb.length() + " bytes");
    assertTrue(content.find("vendor/pako/lib/zlib/inflate.js").isPresent());
    // Only the library and the licences: the rest of the npm package stays out.
    assertFalse(content.find("README.md").isPresent());
    assertFalse(content.find("docs/API.md").isPresent());
    assertTrue(Files.size(JAR) < 1_000_000, "the bundle is " + Files.size(JAR) + " bytes");
  }

  private static String entry(JarFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String text(WebResource resource) throws IOException {
    try (InputStream in = resource.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
