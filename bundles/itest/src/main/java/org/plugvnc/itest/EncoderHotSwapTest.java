package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * Encoder bundles stopped, started and updated while the project's client is connected: no
 * session drops, every pixel stays right, and each session goes back to the encoding it used,
 * the stateful ones included (Zlib and ZRLE continue their zlib stream from the engine's keeping,
 * Tight restarts its streams with reset bits).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class EncoderHotSwapTest {

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  private int key = 0x101;

  @AfterEach
  void startEverything() throws Exception {
    for (Bundle b : context.getBundles()) {
      if (b.getSymbolicName().startsWith("org.plugvnc") && b.getState() != Bundle.ACTIVE) {
        b.start();
      }
    }
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource({
    "org.plugvnc.encoders, 5", "org.plugvnc.encoders, 2", "org.plugvnc.encoders, 4",
    "org.plugvnc.encoders.zlib, 6", "org.plugvnc.encoders.zlib, 16", "org.plugvnc.encoders.zlib, 15",
    "org.plugvnc.encoders.tight, 7", "org.plugvnc.encoders.tight, -260"
  })
  void aSessionReturnsToItsEncodingAfterStopStartAndUpdate(String bsn, int encoding)
      throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    Bundle family = bundle(bsn);
    try (RfbClient c = server.client().securityType(1)
        .encodings(encoding, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_DESKTOP_SIZE).connect()) {
      c.refresh(TIMEOUT);
      assertExact(c);
      assertTrue(change(c).hasEncoding(encoding), "uses " + encoding + " before any swap");
      change(c); // the stream moves on a little more

      family.stop();
      FramebufferUpdate fallback = change(c);
      assertFalse(fallback.hasEncoding(encoding), "stopped: " + fallback);
      assertExact(c);

      family.start();
      awaitFactory(encoding);
      assertTrue(change(c).hasEncoding(encoding), "restarted: back to " + encoding);
      assertExact(c);

      family.update();
      awaitFactory(encoding);
      for (int i = 0; i < 3; i++) {
        FramebufferUpdate after = change(c);
        assertTrue(after.hasEncoding(encoding), "updated: back to " + encoding + ": " + after);
        assertExact(c);
      }
      c.refresh(TIMEOUT);
      assertExact(c);
      assertFalse(c.isClosed());
    }
  }

  @Test
  void aStoppedFamilyHandsItsSessionsToTheNextListedEncoding() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    Bundle zlib = bundle("org.plugvnc.encoders.zlib");
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_ZRLE,
        RfbNumbers.ENCODING_HEXTILE, RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      assertTrue(change(c).hasEncoding(RfbNumbers.ENCODING_ZRLE));
      zlib.stop();
      FramebufferUpdate next = change(c);
      assertTrue(next.hasEncoding(RfbNumbers.ENCODING_HEXTILE), "the next listed: " + next);
      assertExact(c);
      zlib.start();
      awaitFactory(RfbNumbers.ENCODING_ZRLE);
      assertTrue(change(c).hasEncoding(RfbNumbers.ENCODING_ZRLE));
      assertExact(c);
    }
  }

  /** Presses a key (the test pattern paints its keysym in the top-left block) and awaits the update. */
  private FramebufferUpdate change(RfbClient c) throws IOException {
    c.requestUpdate(true);
    c.keyEvent(true, key++);
    FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
    assertFalse(u.rectangles().isEmpty(), "an update with pixels");
    return u;
  }

  /** Every pixel the client holds equals the desktop's own. */
  private void assertExact(RfbClient c) throws InvalidSyntaxException {
    int[] desktop = Pictures.desktop(context);
    String difference = Pictures.firstDifference(desktop, c.pixels(), c.width());
    if (difference != null) {
      fail(difference);
    }
  }

  private void awaitFactory(int encoding) throws InterruptedException, InvalidSyntaxException {
    String filter = "(" + EncoderFactory.PROPERTY_ENCODING + "=" + encoding + ")";
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (context.getServiceReferences(EncoderFactory.class, filter).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("no factory for " + encoding + " after its bundle started");
      }
      Thread.sleep(20);
    }
  }

  private Bundle bundle(String bsn) {
    Bundle b = Arrays.stream(context.getBundles()).filter(x -> bsn.equals(x.getSymbolicName()))
        .findFirst().orElseThrow(() -> new AssertionError("no bundle " + bsn));
    assertEquals(Bundle.ACTIVE, b.getState(), bsn + " is active at the start");
    return b;
  }
}
