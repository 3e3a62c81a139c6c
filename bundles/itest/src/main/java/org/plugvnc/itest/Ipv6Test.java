package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.HEIGHT;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;
import static org.plugvnc.itest.ServerFixture.WIDTH;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;

/**
 * IPv6 and several bind addresses: the project's client over {@code [::1]} and over 127.0.0.1 to
 * one server, VNC Authentication and every pixel checked, with the operator's view naming both.
 */
@ExtendWith(ServiceExtension.class)
class Ipv6Test {

  @InjectService
  ConfigurationAdmin cm;

  @InjectService
  VncManagement management;

  @Test
  void bothLoopbackStacksServeTheDesktop() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of("bindAddress", "127.0.0.1,::1"));
    DesktopInfo d = awaitListening(2);
    assertEquals(List.of("127.0.0.1:" + server.port, "[::1]:" + server.port), d.listening());
    for (String host : List.of("::1", "127.0.0.1")) {
      try (RfbClient c = viewer(server, host).connect()) {
        assertPattern(c);
        SessionInfo s = management.sessions().get(0);
        String expected = host.contains(":") ? "[::1]:" : "127.0.0.1:";
        assertTrue(s.peer().startsWith(expected), "peer " + s.peer() + " over " + host);
      }
    }
  }

  @Test
  void theIpv6WildcardIsDualStack() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of("bindAddress", "::"));
    for (String host : List.of("::1", "127.0.0.1")) {
      try (RfbClient c = viewer(server, host).connect()) {
        assertPattern(c);
      }
    }
  }

  private RfbClientBuilder viewer(ServerFixture server, String host) {
    return server.client().host(host).securityType(RfbNumbers.SECURITY_VNC_AUTH)
        .password(ServerFixture.PASSWORD).encodings(RfbNumbers.ENCODING_RAW);
  }

  private DesktopInfo awaitListening(int addresses) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    DesktopInfo d = null;
    while (System.nanoTime() < end) {
      d = management.desktops().get(0);
      if (d.listening().size() == addresses) {
        return d;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("listening: " + (d == null ? "nothing" : d.listening()));
  }

  private static void assertPattern(RfbClient c) throws IOException {
    FramebufferUpdate u = c.refresh(TIMEOUT);
    assertEquals((long) WIDTH * HEIGHT, u.pixelArea());
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        assertEquals(ServerFixture.pattern(x, y, WIDTH, HEIGHT), c.pixel(x, y),
            "pixel (" + x + "," + y + ")");
      }
    }
  }
}
