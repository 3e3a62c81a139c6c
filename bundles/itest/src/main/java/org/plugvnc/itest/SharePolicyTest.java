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
      full.refresh(TIMEOUT);
      assertFalse(full.isClosed(), "the full-access viewer stays");
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
    ExecutorService threads = Executors.newFixedThreadPool(2);
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
      assertEquals(TRIALS, exactlyOne, "one of the two always stays");
    } else {
      assertTrue(exactlyOne > TRIALS / 2, "one of the two usually gets in: " + exactlyOne);
    }
  }

  private static int survivorsOf(ServerFixture server, ExecutorService threads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<RfbClient>> connects = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      connects.add(threads.submit(() -> {
        start.await();
        try {
          return server.client().securityType(1).shared(false).connect();
        } catch (IOException refused) {
          return null;
        }
      }));
    }
    List<RfbClient> clients = new ArrayList<>();
    for (Future<RfbClient> f : connects) {
      RfbClient c = f.get();
      if (c != null) {
        clients.add(c);
      }
    }
    List<RfbClient> answered = new ArrayList<>();
    for (RfbClient c : clients) {
      try {
        c.refresh(TIMEOUT);
        answered.add(c);
      } catch (IOException closed) {
        c.close(); // disconnected by the other
      }
    }
    int survivors = answered.size();
    for (RfbClient c : answered) {
      // The loser's close may be queued behind the request it was still answered: give it time.
      try (c) {
        if (survivors > 1 && c.awaitClose(java.time.Duration.ofMillis(500))) {
          survivors--;
        }
      }
    }
    return survivors;
  }
}
