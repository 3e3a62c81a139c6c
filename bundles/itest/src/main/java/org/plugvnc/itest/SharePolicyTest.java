package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;

/** The share policy respects rights and holds when viewers arrive at the same instant. */
@ExtendWith(ServiceExtension.class)
class SharePolicyTest {

  private static final int TRIALS = 40;
  /** Netty serves connections on 2 x cores event loops: one viewer for each on two cores. */
  private static final int VIEWERS = 4;

  @InjectService
  ConfigurationAdmin cm;

  @Test
  void aViewOnlyViewerCannotTakeExclusiveAccess() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth",
        Map.of("sharePolicy", "DISCONNECT_OTHERS"));
    try (RfbClient full = server.client().securityType(2).password(ServerFixture.PASSWORD).connect();
        RfbClient watcher = server.client().securityType(2)
            .password(ServerFixture.VIEW_ONLY_PASSWORD).shared(false).connect()) {
      watcher.refresh(TIMEOUT);
      // A disconnect would be on its way to the full viewer's event loop by now.
      assertFalse(full.awaitClose(java.time.Duration.ofMillis(500)), "the full-access viewer stays");
      full.refresh(TIMEOUT);
      assertFalse(watcher.isClosed(), "the view-only viewer shares");
    }
  }

  @Test
  void aViewOnlyViewerIsNotRefusedForAskingExclusiveAccessUnderRefuse() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of("sharePolicy", "REFUSE"));
    try (RfbClient full = server.client().securityType(2).password(ServerFixture.PASSWORD).connect();
        RfbClient watcher = server.client().securityType(2)
            .password(ServerFixture.VIEW_ONLY_PASSWORD).shared(false).connect()) {
      watcher.refresh(TIMEOUT);
      full.refresh(TIMEOUT);
    }
  }

  /** Admission and registration are one step: two exclusive viewers never both stay. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DISCONNECT_OTHERS", "REFUSE"})
  void twoExclusiveViewersAtTheSameInstantNeverBothStay(String policy) throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("sharePolicy", policy));
    ExecutorService threads = Executors.newFixedThreadPool(VIEWERS);
    int exactlyOne = 0;
    try {
      for (int trial = 0; trial < TRIALS; trial++) {
        int survivors = survivorsOf(server, threads);
        assertTrue(survivors <= 1, "trial " + trial + ": " + survivors + " exclusive viewers stayed");
        exactlyOne += survivors;
        Thread.sleep(30); // let the server see the last trial's viewers go
      }
    } finally {
      threads.shutdownNow();
    }
    if (policy.equals("DISCONNECT_OTHERS")) {
      assertEquals(TRIALS, exactlyOne, "one of them always stays");
    } else {
      assertTrue(exactlyOne > TRIALS / 2, "one of them usually gets in: " + exactlyOne);
    }
  }

  /**
   * {@link #VIEWERS} viewers authenticate, then send ClientInit with shared=0 at the same instant
   * (one per event loop, so that admissions really run in parallel); how many are still connected
   * once the server has dealt with them all.
   */
  private static int survivorsOf(ServerFixture server, ExecutorService threads) throws Exception {
    CyclicBarrier together = new CyclicBarrier(VIEWERS);
    List<Future<RawRfb>> admitted = new ArrayList<>();
    for (int i = 0; i < VIEWERS; i++) {
      admitted.add(threads.submit(() -> {
        RawRfb v = RawRfb.greet(server.port);
        v.readOffer();
        v.writeU8(1);
        if (!v.readSecurityResult().ok()) {
          throw new AssertionError("None refused");
        }
        together.await();
        v.writeU8(0); // ClientInit: exclusive
        try {
          v.readBytes(20);
          v.readString();
          return v;
        } catch (IOException refused) {
          v.close();
          return null;
        }
      }));
    }
    List<RawRfb> viewers = new ArrayList<>();
    for (Future<RawRfb> f : admitted) {
      RawRfb v = f.get();
      if (v != null) {
        viewers.add(v);
      }
    }
    Thread.sleep(100); // the closes of the losers are on their way
    int survivors = 0;
    for (RawRfb v : viewers) {
      try (v) {
        if (!v.awaitClose(50)) {
          survivors++; // nothing arrives for a viewer that asked for nothing: it is still there
        }
      }
    }
    return survivors;
  }
}
