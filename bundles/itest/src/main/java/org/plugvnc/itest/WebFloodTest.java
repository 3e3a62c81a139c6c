package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
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
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * A flood of idle connections from one address to the web port, as {@link PreAuthFloodTest} does
 * to the RFB port: the engine counts the web listener's connections under the same
 * maxConnections, so without a limit per address in HTTP the flood would take them all and keep a
 * viewer from another address out of the RFB port too, until its request timeouts and again at
 * once after. The flood comes from 127.0.0.2, the viewer from 127.0.0.1.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebFloodTest {

  private static final int FLOOD = 500;
  private static final int PER_ADDRESS = 10;
  private static final long VIEWER_MILLIS = 5000;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  WebFixture web;

  @BeforeEach
  void start() throws Exception {
    web = WebFixture.start(context, cm,
        Map.of("maxHttpConnectionsPerAddress", PER_ADDRESS, "requestTimeoutSeconds", 20),
        Map.of("maxConnections", 80));
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  @Test
  void idleHttpConnectionsFromOneAddressDoNotKeepAViewerOutOfTheRfbPort() throws Exception {
    try (HalfOpenSockets flood = HalfOpenSockets.open(web.port, InetAddress.getByName("127.0.0.2"), FLOOD,
        new byte[0], 0)) {
      long start = System.nanoTime();
      try (RfbClient viewer = web.server.client().securityType(RfbNumbers.SECURITY_VNC_AUTH)
          .password(ServerFixture.PASSWORD).connect()) {
        assertEquals(ServerFixture.WIDTH, viewer.serverInit().width());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < VIEWER_MILLIS, "the viewer from another address got in after " + millis
          + " ms, with " + FLOOD + " idle HTTP connections from 127.0.0.2");
      int open = flood.awaitOpenAtMost(PER_ADDRESS, 6000);
      assertTrue(open <= PER_ADDRESS && open > 0, open + " flood connections still open, "
          + PER_ADDRESS + " allowed per address");
    }
  }
}
