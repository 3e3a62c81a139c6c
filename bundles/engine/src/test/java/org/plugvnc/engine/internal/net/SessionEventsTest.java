package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.management.SessionEvent;
import org.plugvnc.api.security.Identity;

class SessionEventsTest {

  @Test
  void listenersHearEventsInOrderOnTheirOwnThreadAndAThrowingOneHarmsNoOther() throws Exception {
    List<SessionEvent> heard = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(4);
    try (SessionEvents events = new SessionEvents()) {
      events.add(e -> {
        throw new IllegalStateException("a broken listener (test)");
      });
      events.add(e -> {
        heard.add(e);
        threads.add(Thread.currentThread().getName());
        done.countDown();
      });
      ConnectionRecord r = new ConnectionRecord(3, "/127.0.0.1:5000");
      events.connected(r);
      r.chose(2);
      r.authenticated(new Identity("vnc-password", false));
      events.authenticated(r);
      events.authenticationFailed(r, "wrong");
      events.disconnected(r, "gone");
      assertTrue(done.await(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of(SessionEvent.Kind.CONNECTED, SessionEvent.Kind.AUTHENTICATED,
        SessionEvent.Kind.AUTHENTICATION_FAILED, SessionEvent.Kind.DISCONNECTED),
        heard.stream().map(SessionEvent::kind).toList());
    assertEquals("", heard.get(0).user(), "nobody has authenticated yet");
    assertEquals("", heard.get(0).securityType());
    assertEquals("vnc-password", heard.get(1).user());
    assertEquals("VncAuth", heard.get(1).securityType());
    assertEquals("gone", heard.get(3).reason());
    assertEquals(3, heard.get(3).id());
    assertTrue(threads.stream().allMatch("plugvnc-events"::equals), threads.toString());
  }

  @Test
  void aListenerThatNeverReturnsCostsABoundedQueueAndTheDropsAreCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (SessionEvents events = new SessionEvents()) {
      events.add(e -> {
        try {
          release.await();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      });
      ConnectionRecord r = new ConnectionRecord(1, "/127.0.0.1:5000");
      int flood = SessionEvents.QUEUE * 3;
      for (int i = 0; i < flood; i++) {
        events.connected(r);
      }
      // One event is being delivered, QUEUE wait; the rest were dropped, not queued.
      assertEquals(flood - SessionEvents.QUEUE - 1, events.dropped());
      release.countDown();
    }
  }

  @Test
  void withoutListenersNothingIsMadeOrDropped() {
    try (SessionEvents events = new SessionEvents()) {
      for (int i = 0; i < SessionEvents.QUEUE * 2; i++) {
        events.connected(new ConnectionRecord(i, "/127.0.0.1:5000"));
      }
      assertEquals(0, events.dropped());
    }
  }
}
