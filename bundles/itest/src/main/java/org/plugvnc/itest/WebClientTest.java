package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * The web client bundle in a real framework: its component indexes the bundle's own entries
 * (noVNC as the build packed it, when npm was there), presets the start page from ConfigAdmin and
 * follows its changes live, and stopping the bundle withdraws the service without touching a
 * connected viewer.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class WebClientTest {

  private static final String PID = "org.plugvnc.webclient";

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  @AfterEach
  void restore() throws Exception {
    Bundle bundle = bundle();
    if (bundle.getState() != Bundle.ACTIVE) {
      bundle.start();
    }
    Configuration config = cm.getConfiguration(PID, "?");
    if (config.getProperties() != null) {
      config.delete();
    }
  }

  @Test
  void servesTheBundlesFilesAndThePresetStartPage() throws Exception {
    WebContent content = awaitContent();

    WebResource page = content.find("").orElseThrow();
    assertEquals("text/html; charset=utf-8", page.contentType());
    String html = text(page);
    WebResource script = content.find("plugvnc/client.js").orElseThrow();
    assertEquals("text/javascript; charset=utf-8", script.contentType());
    assertTrue(text(script).contains("import RFB from '../core/rfb.js'"));
    assertFalse(content.find("../novnc/core/rfb.js").isPresent());
    if (content.find("core/rfb.js").isPresent()) {
      // another test's configuration, deleted after it, may still be leaving the component
      long end = System.nanoTime() + TIMEOUT.toNanos();
      while (!html.contains("\"path\":\"websockify\"") && System.nanoTime() < end) {
        Thread.sleep(50);
        html = text(awaitContent().find("").orElseThrow());
      }
      assertTrue(html.contains("\"path\":\"websockify\""), html);
      assertTrue(text(content.find("core/rfb.js").orElseThrow()).contains("export default class RFB"));
      assertTrue(text(content.find("LICENSE.txt").orElseThrow()).contains("MPL 2.0"));
    } else { // built without npm: the page says how to get noVNC
      assertTrue(html.contains("built without noVNC"), html);
    }
  }

  @Test
  void aConfigurationChangeAppliesToTheNextPage() throws Exception {
    WebContent content = awaitContent();
    if (!content.find("core/rfb.js").isPresent()) {
      assertTrue(text(content.find("").orElseThrow()).contains("built without noVNC"));
      return;
    }
    String before = content.find("").orElseThrow().etag();

    cm.getConfiguration(PID, "?").update(new Hashtable<>(Map.of(
        "path", "/vnc/ws/", "resize", "remote", "autoconnect", false)));

    long end = System.nanoTime() + TIMEOUT.toNanos();
    String html = text(content.find("").orElseThrow());
    while (!html.contains("\"path\":\"vnc/ws\"") && System.nanoTime() < end) {
      Thread.sleep(50);
      html = text(awaitContent().find("").orElseThrow());
    }
    assertTrue(html.contains("\"autoconnect\":false,\"resize\":\"remote\""), html);
    assertTrue(html.contains("\"path\":\"vnc/ws\""), html);
    assertFalse(before.equals(awaitContent().find("").orElseThrow().etag()), "the etag follows the page");
  }

  @Test
  void stoppingTheBundleWithdrawsTheServiceAndLeavesViewersAlone() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    awaitContent();
    try (RfbClient viewer = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      viewer.refresh(TIMEOUT);

      bundle().stop();

      assertEquals(0, context.getServiceReferences(WebContent.class, null).size());
      viewer.requestUpdate(false);
      viewer.awaitUpdate(TIMEOUT);
      assertFalse(viewer.isClosed(), "a native viewer does not notice the web client going");
      bundle().start();
      assertTrue(awaitContent().find("").isPresent());
    }
  }

  private WebContent awaitContent() throws InterruptedException {
    ServiceTracker<WebContent, WebContent> tracker = new ServiceTracker<>(context, WebContent.class, null);
    tracker.open();
    try {
      WebContent content = tracker.waitForService(TIMEOUT.toMillis());
      if (content == null) {
        throw new AssertionError("no WebContent service within " + TIMEOUT);
      }
      return content;
    } finally {
      tracker.close();
    }
  }

  private Bundle bundle() {
    return Arrays.stream(context.getBundles()).filter(b -> "org.plugvnc.webclient".equals(b.getSymbolicName()))
        .findFirst().orElseThrow(() -> new AssertionError("no bundle org.plugvnc.webclient"));
  }

  private static String text(WebResource resource) throws IOException {
    try (InputStream in = resource.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
