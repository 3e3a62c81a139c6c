package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.protocol.VncAuthentication;
import org.plugvnc.itest.RawRfb.SecurityResult;

/**
 * The failure throttle against a guesser that does not wait for verdicts: many handshakes from one
 * address answered at once must not get more guesses judged than the threshold allows, and an
 * operator's configuration edit must not hand the guesser a fresh start.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ParallelHandshakeThrottleTest {

  private static final int THRESHOLD = 5;
  private static final int CONNECTIONS = 200;
  /** What VncAuthHandshake says about a wrong answer it judged. */
  private static final String JUDGED = "Authentication failed";
  /** What the engine says about an answer it refused without judging, and to a blocked address. */
  private static final String REFUSED = "too many";

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  /** Failures outlive configuration edits: only a restarted engine remembers none. */
  @BeforeEach
  void forgetEarlierFailures() throws Exception {
    EngineBundle.restart(context);
  }

  /** The block a test leaves would refuse every later test: they all connect from 127.0.0.1. */
  @AfterEach
  void liftTheBlock() throws Exception {
    EngineBundle.restart(context);
  }

  @Test
  void parallelHandshakesCannotEscapeTheThrottle() throws Exception {
    // The connection limits are far above CONNECTIONS: this test is about the throttle only.
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of(
        "blacklistThreshold", THRESHOLD, "blacklistTimeoutSeconds", 60,
        "maxUnauthenticatedPerAddress", 1000, "maxUnauthenticated", 1000));
    List<RawRfb> viewers = new ArrayList<>();
    try {
      List<byte[]> challenges = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        RawRfb v = RawRfb.greet(server.port);
        viewers.add(v);
        assertEquals(List.of(2), v.readOffer().types(), "the offer to viewer " + i);
        v.writeU8(2);
        challenges.add(v.readBytes(VncAuthentication.CHALLENGE_LENGTH));
      }
      // Every wrong answer is on the wire before any verdict is read: a throttle that only counts
      // verdicts already given sees none of these failures in time. The right answer follows
      // once their verdicts are in, from a handshake that was opened before the address was
      // blocked (the old throttle let exactly that one in).
      int last = CONNECTIONS - 1;
      for (int i = 0; i < last; i++) {
        viewers.get(i).write(VncAuthentication.response(challenges.get(i), "wrong-pw"));
      }
      Verdicts verdicts = new Verdicts();
      for (int i = 0; i < last; i++) {
        verdicts.add(i, viewers.get(i).readSecurityResult());
      }
      viewers.get(last).write(VncAuthentication.response(challenges.get(last), ServerFixture.PASSWORD));
      SecurityResult right = viewers.get(last).readSecurityResult();
      String counts = verdicts + "; the right answer: " + right;
      assertTrue(verdicts.other.isEmpty(),
          "every wrong answer fails, judged or refused: " + counts);
      assertTrue(verdicts.judged <= THRESHOLD,
          "at most " + THRESHOLD + " answers may be judged: " + counts);
      assertFalse(right.ok(), "the right answer, sent after " + last + " wrong ones, must not get "
          + "in: " + counts);
    } finally {
      for (RawRfb v : viewers) {
        v.close();
      }
    }
    assertBlocked(server, "after " + (CONNECTIONS - 1) + " wrong answers");
  }

  /** Tallies the verdicts on wrong answers by their reason. */
  private static final class Verdicts {
    int judged;
    int refused;
    final List<String> other = new ArrayList<>();

    void add(int viewer, SecurityResult r) {
      if (r.ok()) {
        other.add("viewer " + viewer + " got in with a wrong password");
      } else if (r.reason().contains(REFUSED)) {
        refused++;
      } else if (r.reason().contains(JUDGED)) {
        judged++;
      } else {
        other.add("viewer " + viewer + ": " + r);
      }
    }

    @Override
    public String toString() {
      return judged + " judged, " + refused + " refused unjudged, other: " + other;
    }
  }

  @Test
  void aConfigurationEditDoesNotLiftABlock() throws Exception {
    Map<String, Object> config = new HashMap<>(Map.of(
        "blacklistThreshold", 2, "blacklistTimeoutSeconds", 30, "desktopName", "before the edit"));
    ServerFixture server = ServerFixture.start(cm, "VncAuth", config);
    for (int i = 0; i < 2; i++) {
      assertThrows(RfbSecurityException.class,
          () -> server.client().securityType(2).password("wrong-pw").connect().close());
    }
    assertBlocked(server, "after two wrong passwords");

    // What ServerFixture.start wrote, but for the name: the same port, so no rebind either.
    config.putAll(Map.of("port", server.port, "bindAddress", "127.0.0.1",
        "securityTypes", "VncAuth", "desktopName", "after the edit"));
    server.update("org.plugvnc.server", config);
    // The component applies it asynchronously, and a blocked address cannot see the new name.
    Thread.sleep(1500);
    assertBlocked(server, "after an edit of desktopName");
  }

  private static void assertBlocked(ServerFixture server, String when) {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> server.client().securityType(2).password(ServerFixture.PASSWORD).connect().close(),
        "the right password must be refused " + when);
    assertTrue(e.serverReason() != null && e.serverReason().contains(REFUSED),
        "refused " + when + " for: " + e.getMessage());
  }
}
