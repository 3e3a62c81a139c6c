package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ScriptedSecurityType.TYPE;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.client.RfbClient;
import org.plugvnc.itest.RawRfb.Offer;
import org.plugvnc.itest.RawRfb.SecurityResult;

/**
 * A third-party security type that checks on a worker through {@code SecurityContext.resume}: the
 * verdict arrives after the viewer's bytes, and must be handled as if {@code receive} had returned
 * it, whatever the viewer did meanwhile.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AsyncSecurityTest {

  private static final int THRESHOLD = 3;

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  ServerFixture server;
  ServiceRegistration<SecurityTypeFactory> scripted;

  /** Failures outlive configuration edits: each test starts and leaves a restarted engine. */
  @BeforeEach
  void start() throws Exception {
    EngineBundle.restart(context);
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(SecurityTypeFactory.PROPERTY_TYPE, TYPE);
    scripted = context.registerService(SecurityTypeFactory.class, new ScriptedSecurityType(),
        props);
    // None (1) as well, for the ordinary viewer that checks the server still serves.
    server = ServerFixture.start(cm, TYPE + ",1",
        Map.of("blacklistThreshold", THRESHOLD, "blacklistTimeoutSeconds", 30));
  }

  @AfterEach
  void stop() throws Exception {
    scripted.unregister();
    EngineBundle.restart(context);
  }

  /** A 3.8 connection that has chosen the scripted type. */
  private RawRfb chooseScripted() throws IOException {
    RawRfb v = RawRfb.greet(server.port);
    Offer o = v.readOffer();
    assertTrue(o.types().contains(TYPE), "the scripted type is offered: " + o);
    v.writeU8(TYPE);
    return v;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void clientInitSentRightBehindTheAnswerIsDecodedAfterAnAsynchronousSuccess() throws IOException {
    try (RawRfb v = chooseScripted()) {
      // The answer and ClientInit (shared) in one write, and nothing after it: the engine holds the
      // ClientInit byte while the check runs and must decode it when the verdict comes.
      v.write(ByteBuffer.allocate(5).put(ascii("GOOD")).put((byte) 1).array());
      assertEquals(new SecurityResult(0, null), v.readSecurityResult());
      assertEquals(ServerFixture.WIDTH, v.readU16(), "ServerInit width, unless it never came");
      assertEquals(ServerFixture.HEIGHT, v.readU16());
      v.readBytes(16); // the pixel format
      assertNotNull(v.readString(), "the desktop name ends ServerInit");
    }
  }

  @Test
  void anAsynchronousFailureIsAFailedSecurityResultWithTheReason() throws IOException {
    try (RawRfb v = chooseScripted()) {
      v.write(ascii("BAD!"));
      assertEquals(new SecurityResult(1, ScriptedSecurityType.REFUSAL), v.readSecurityResult());
      assertTrue(v.awaitClose(), "the server closes after the failed SecurityResult");
    }
  }

  @Test
  void aCheckThatThrowsEndsTheConnectionWithAFailedSecurityResult() throws IOException {
    try (RawRfb v = chooseScripted()) {
      v.write(ascii("BOOM"));
      SecurityResult r = v.readSecurityResult();
      assertEquals(1, r.status(), "SecurityResult after a check that threw: " + r);
      assertTrue(v.awaitClose(), "the server closes after the failed SecurityResult");
    }
    anOrdinaryViewerGetsIn();
  }

  @Test
  void aReceiveThatThrowsEndsOnlyThatConnection() throws IOException {
    try (RawRfb v = chooseScripted()) {
      v.write(ascii("THRW"));
      // The viewer learns why (a failed SecurityResult with a reason), not just a closed socket.
      Optional<SecurityResult> r = v.readSecurityResultOrClose();
      assertTrue(r.isPresent(), "a SecurityResult, not a bare close");
      assertEquals(1, r.get().status(), "SecurityResult: " + r.get());
      assertTrue(v.awaitClose(), "the server closes the connection");
    }
    anOrdinaryViewerGetsIn();
  }

  private void anOrdinaryViewerGetsIn() throws IOException {
    try (RfbClient c = server.client().securityType(1).connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width(), "the server still serves");
    }
  }

  @Test
  void anAsynchronousFailureCountsEvenIfTheViewerLeftBeforeTheVerdict() throws Exception {
    for (int i = 0; i < THRESHOLD; i++) {
      try (RawRfb v = chooseScripted()) {
        v.write(ascii("BAD!")); // and gone, well before the verdict
      }
    }
    // The verdicts come CHECK_MILLIS later, on a worker; until then the address may be offered.
    long end = System.nanoTime() + TIMEOUT.toNanos();
    Offer last;
    do {
      try (RawRfb v = RawRfb.greet(server.port)) {
        last = v.readOffer();
      }
      if (last.refused()) {
        assertTrue(last.reason().contains("too many"), "refused for: " + last.reason());
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < end);
    fail("after " + THRESHOLD + " asynchronous failures the address is still offered "
        + last.types() + " " + TIMEOUT + " later");
  }
}
