package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.HEIGHT;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;
import static org.plugvnc.itest.ServerFixture.WIDTH;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/** Changes while viewers are connected: desktop size, plug-ins stopping, exclusive viewers. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class DynamicTest {

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  ServerFixture server;

  @AfterEach
  void restore() throws Exception {
    for (Bundle b : context.getBundles()) {
      if (b.getSymbolicName().startsWith("org.plugvnc") && b.getState() != Bundle.ACTIVE) {
        b.start();
      }
    }
    if (server != null) {
      server.desktop(WIDTH, HEIGHT);
    }
  }

  @Test
  void aResizeReachesViewersThatListDesktopSizeAndClosesTheOthers() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of());
    try (RfbClient sizeAware = server.client().securityType(1)
            .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_DESKTOP_SIZE).connect();
        RfbClient plain = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      sizeAware.refresh(TIMEOUT);
      plain.refresh(TIMEOUT);
      sizeAware.requestUpdate(true);
      plain.requestUpdate(true);
      server.desktop(200, 150);
      FramebufferUpdate u = sizeAware.awaitUpdate(TIMEOUT);
      assertTrue(u.hasEncoding(RfbNumbers.ENCODING_DESKTOP_SIZE), "DesktopSize: " + u);
      assertEquals(200, sizeAware.width());
      assertEquals(150, sizeAware.height());
      sizeAware.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(199, 149, 200, 150), sizeAware.pixel(199, 149));
      assertTrue(plain.awaitClose(TIMEOUT), "a viewer without DesktopSize is closed");
    }
  }

  @Test
  void viewersStayConnectedWhileTheEncodersBundleIsStopped() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of());
    Bundle encoders = bundle("org.plugvnc.encoders");
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      encoders.stop();
      c.requestUpdate(true);
      c.keyEvent(true, 0x42);
      c.awaitUpdate(TIMEOUT);
      assertEquals(0x000042, c.pixel(3, 3), "updates go on with the engine's fallback Raw");
      encoders.start();
      c.requestUpdate(true);
      c.keyEvent(true, 0x43);
      c.awaitUpdate(TIMEOUT);
      assertEquals(0x000043, c.pixel(3, 3));
      assertFalse(c.isClosed());
    }
  }

  @Test
  void viewersStayConnectedWhileTheDesktopIsStoppedAndGetItBack() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of());
    Bundle desktop = bundle("org.plugvnc.capture.virtual");
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      desktop.stop();
      c.refresh(TIMEOUT);
      assertEquals(0, c.pixel(WIDTH / 2, HEIGHT / 2), "a blank desktop stands in");
      desktop.start();
      awaitPixel(c, WIDTH / 2, HEIGHT / 2, ServerFixture.pattern(WIDTH / 2, HEIGHT / 2, WIDTH, HEIGHT));
    }
  }

  private static void awaitPixel(RfbClient c, int x, int y, int rgb) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (c.pixel(x, y) != rgb && System.nanoTime() < end) {
      c.requestUpdate(true);
      c.poll(Duration.ofMillis(200));
    }
    assertEquals(rgb, c.pixel(x, y));
  }

  @Test
  void anExclusiveViewerDisconnectsTheOthersByDefault() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of("sharePolicy", "DISCONNECT_OTHERS"));
    try (RfbClient first = server.client().securityType(1).connect();
        RfbClient exclusive = server.client().securityType(1).shared(false).connect()) {
      assertTrue(first.awaitClose(TIMEOUT));
      exclusive.refresh(TIMEOUT);
      assertFalse(exclusive.isClosed());
    }
  }

  @Test
  void anExclusiveViewerIsRefusedUnderRefuse() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of("sharePolicy", "REFUSE"));
    try (RfbClient first = server.client().securityType(1).connect()) {
      assertThrowsOnConnect(server);
      first.refresh(TIMEOUT);
      assertFalse(first.isClosed());
    }
  }

  private static void assertThrowsOnConnect(ServerFixture server) {
    try (RfbClient c = server.client().securityType(1).shared(false).connect()) {
      assertTrue(c.awaitClose(TIMEOUT), "refused viewer is closed");
    } catch (IOException expected) {
      // closed before ServerInit: refused
    }
  }

  @Test
  void everyoneSharesUnderShared() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of("sharePolicy", "SHARED"));
    try (RfbClient first = server.client().securityType(1).connect();
        RfbClient second = server.client().securityType(1).shared(false).connect()) {
      first.refresh(TIMEOUT);
      second.refresh(TIMEOUT);
      assertFalse(first.isClosed());
    }
  }

  private Bundle bundle(String bsn) {
    return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName()))
        .findFirst().orElseThrow(() -> new AssertionError("no bundle " + bsn));
  }
}
