package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The blacklist's table is bounded without letting a block go: failures from more addresses than
 * it tracks (here from 127.1.0.0/16, every one of them routed to the loopback interface) never
 * lift a block that is still running.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class BlacklistTableTest {

  /** The table tracks 10,000 addresses; one more than that must not clear it. */
  private static final int ADDRESSES = 10_050;

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  /** A fresh engine forgets the blocks this test made, which would refuse later tests. */
  @AfterEach
  void forgetTheBlocks() throws Exception {
    EngineBundle.restart(context);
  }

  @Test
  void failuresFromManyAddressesNeverLiftARunningBlock() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth",
        Map.of("blacklistThreshold", 1, "blacklistTimeoutSeconds", 120));
    InetAddress victim = InetAddress.getByName("127.0.0.2");
    assertEquals("Authentication failed", wrongAnswer(server.port, victim));
    assertTrue(refusedAtOnce(server.port, victim), "blocked after one failure");

    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < ADDRESSES; i++) {
        InetAddress from = InetAddress.getByAddress(new byte[] {127, 1, (byte) (i >> 8), (byte) i});
        results.add(threads.submit(() -> wrongAnswer(server.port, from)));
      }
      for (Future<String> f : results) {
        assertEquals("Authentication failed", f.get(), "every new address is judged");
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(refusedAtOnce(server.port, victim), "the first block still runs");
  }

  /** Answers VNC Authentication wrongly from {@code from}; the reason of the failed result. */
  private static String wrongAnswer(int port, InetAddress from) throws IOException {
    try (RawRfb v = RawRfb.greet(port, from, 0)) {
      RawRfb.Offer offer = v.readOffer();
      if (offer.refused()) {
        return "refused: " + offer.reason();
      }
      v.writeU8(2);
      v.readBytes(16);
      v.write(new byte[16]); // not the DES of the challenge under any password
      RawRfb.SecurityResult r = v.readSecurityResult();
      return r.ok() ? "accepted" : r.reason();
    }
  }

  /** Whether {@code from} is refused before any security type is offered. */
  private static boolean refusedAtOnce(int port, InetAddress from) throws IOException {
    try (RawRfb v = RawRfb.greet(port, from, 0)) {
      RawRfb.Offer offer = v.readOffer();
      return offer.refused() && offer.reason().contains("too many");
    }
  }
}
