package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.protocol.VncAuthentication;
import org.plugvnc.itest.RawRfb.SecurityResult;

/**
 * The failure throttle punishes the address that fails, and only it: a guesser at 127.0.0.2
 * answering wrongly on many connections at once gets no more answers judged than the threshold and
 * is blocked, while the holder of the password gets in from 127.0.0.3 and 127.0.0.1 during the
 * block, and a wrong answer from another address is still judged rather than refused.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ThrottleIsolationTest {

  private static final int THRESHOLD = 3;
  private static final int CONNECTIONS = 60;
  private static final String JUDGED = "Authentication failed";
  private static final String REFUSED = "too many";

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  /** Failures outlive configuration edits: only a restarted engine forgets the block made here. */
  @AfterEach
  void liftTheBlock() throws Exception {
    EngineBundle.restart(context);
  }

  @Test
  void aBlockedGuesserLocksOutNobodyElse() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of(
        "blacklistThreshold", THRESHOLD, "blacklistTimeoutSeconds", 60,
        "maxUnauthenticatedPerAddress", 1000, "maxUnauthenticated", 1000));
    InetAddress guesser = InetAddress.getByName("127.0.0.2");
    List<RawRfb> viewers = new ArrayList<>();
    int judged = 0;
    int refused = 0;
    try {
      List<byte[]> challenges = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        RawRfb v = RawRfb.greet(server.port, guesser, 0);
        viewers.add(v);
        assertEquals(List.of(2), v.readOffer().types());
        v.writeU8(2);
        challenges.add(v.readBytes(VncAuthentication.CHALLENGE_LENGTH));
      }
      for (int i = 0; i < CONNECTIONS; i++) {
        viewers.get(i).write(VncAuthentication.response(challenges.get(i), "wrong-pw"));
      }
      for (RawRfb v : viewers) {
        SecurityResult r = v.readSecurityResult();
        assertTrue(!r.ok(), "a wrong answer never gets in");
        judged += r.reason().contains(JUDGED) ? 1 : 0;
        refused += r.reason().contains(REFUSED) ? 1 : 0;
      }
    } finally {
      for (RawRfb v : viewers) {
        v.close();
      }
    }
    assertTrue(judged <= THRESHOLD, judged + " of " + CONNECTIONS + " parallel wrong answers judged");
    assertEquals(CONNECTIONS, judged + refused, "every other answer refused unjudged");
    assertTrue(answer(server.port, guesser, ServerFixture.PASSWORD).startsWith(REFUSED),
        "the guesser is blocked, even with the right password");

    InetAddress other = InetAddress.getByName("127.0.0.3");
    assertEquals("ok", answer(server.port, other, ServerFixture.PASSWORD),
        "the password holder gets in from another address during the block");
    try (RfbClient c = server.client().securityType(2).password(ServerFixture.PASSWORD).connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width(), "and from 127.0.0.1");
    }
    assertEquals(JUDGED, answer(server.port, other, "wrong-pw"),
        "a wrong answer from another address is judged, not refused");
    assertEquals("ok", answer(server.port, other, ServerFixture.PASSWORD),
        "one failure below the threshold locks nobody out");
    assertTrue(answer(server.port, guesser, ServerFixture.PASSWORD).startsWith(REFUSED),
        "the guesser's block runs on");
  }

  /** One VNC Authentication from {@code from} with {@code password}: "ok" or the reason. */
  private static String answer(int port, InetAddress from, String password) throws IOException {
    try (RawRfb v = RawRfb.greet(port, from, 0)) {
      RawRfb.Offer offer = v.readOffer();
      if (offer.refused()) {
        return offer.reason();
      }
      v.writeU8(2);
      byte[] challenge = v.readBytes(VncAuthentication.CHALLENGE_LENGTH);
      v.write(VncAuthentication.response(challenge, password));
      SecurityResult r = v.readSecurityResult();
      return r.ok() ? "ok" : r.reason();
    }
  }
}
