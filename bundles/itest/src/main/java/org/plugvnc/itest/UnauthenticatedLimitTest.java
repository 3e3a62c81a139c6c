package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.itest.RawRfb.Offer;

/**
 * Connections that have not authenticated yet are bounded, per address and in all, so that idle
 * handshakes cannot use up the server; the excess hears why, and viewers that got in do not count.
 * Every connection here comes from 127.0.0.1, so the global bound is checked from one address.
 */
@ExtendWith(ServiceExtension.class)
class UnauthenticatedLimitTest {

  private static final int LIMIT = 5;
  /** Far above what any test here opens: "no bound" without relying on what 0 means. */
  private static final int UNBOUNDED = 1000;

  @InjectService
  ConfigurationAdmin cm;

  private ServerFixture start(String limitedKey) throws Exception {
    Map<String, Object> limits = new HashMap<>(Map.of(
        "maxUnauthenticatedPerAddress", UNBOUNDED, "maxUnauthenticated", UNBOUNDED));
    limits.put(limitedKey, LIMIT);
    return ServerFixture.start(cm, "VncAuth", limits);
  }

  @ParameterizedTest(name = "{0} = " + LIMIT)
  @ValueSource(strings = {"maxUnauthenticatedPerAddress", "maxUnauthenticated"})
  void theExcessOfUnauthenticatedConnectionsIsRefusedWithAReason(String limitedKey)
      throws Exception {
    ServerFixture server = start(limitedKey);
    List<RawRfb> waiting = new ArrayList<>();
    try {
      for (int i = 0; i < LIMIT; i++) {
        waiting.add(awaitOffer(server));
      }
      assertRefused(server, LIMIT + " connections sit in the security-type choice");
      waiting.remove(0).close();
      waiting.add(awaitOffer(server));
      assertRefused(server, "the freed place is taken again");
    } finally {
      closeAll(waiting);
    }
  }

  @Test
  void authenticatedViewersDoNotCount() throws Exception {
    ServerFixture server = start("maxUnauthenticatedPerAddress");
    List<AutoCloseable> open = new ArrayList<>();
    try {
      for (int i = 0; i < LIMIT + 2; i++) {
        RfbClient c = server.client().securityType(2).password(ServerFixture.PASSWORD).connect();
        open.add(c);
        assertEquals(ServerFixture.WIDTH, c.serverInit().width(), "viewer " + i + " got in");
      }
      for (int i = 0; i < LIMIT; i++) {
        open.add(awaitOffer(server));
      }
      assertRefused(server, (LIMIT + 2) + " viewers got in and " + LIMIT + " sit in the choice");
    } finally {
      closeAll(open);
    }
  }

  /**
   * A connection the server offers security types to, left waiting in the choice. Polls: the server
   * notices asynchronously that an earlier connection (ServerFixture's probe, one a test closed)
   * has gone, and until then may still count it.
   */
  private static RawRfb awaitOffer(ServerFixture server) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    Offer last;
    do {
      RawRfb v = RawRfb.greet(server.port);
      last = v.readOffer();
      if (!last.refused()) {
        return v;
      }
      v.close();
      Thread.sleep(50);
    } while (System.nanoTime() < end);
    return fail("no security types offered within " + TIMEOUT + ", last refusal: " + last.reason());
  }

  private static void assertRefused(ServerFixture server, String when) throws IOException {
    try (RawRfb excess = RawRfb.greet(server.port)) {
      Offer o = excess.readOffer();
      assertTrue(o.refused(),
          "the connection after " + when + " must be refused; offered " + o.types());
      assertTrue(o.reason().contains("try again later"), "the reason: " + o.reason());
    }
  }

  private static void closeAll(List<? extends AutoCloseable> open) throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }
}
