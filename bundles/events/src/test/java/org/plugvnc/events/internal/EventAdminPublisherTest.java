package org.plugvnc.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.plugvnc.api.management.SessionEvent;

class EventAdminPublisherTest {

  @Test
  void everyFieldBecomesAPropertyAndTheKindTheTopic() {
    Instant when = Instant.parse("2026-12-01T10:15:30.123Z");
    Event e = EventAdminPublisher.toEvent(new SessionEvent(SessionEvent.Kind.AUTHENTICATION_FAILED,
        42, "default", "/10.0.0.7:51234", "VncAuth", "", "authentication failed", when));
    assertEquals("org/plugvnc/session/AUTHENTICATION_FAILED", e.getTopic());
    assertEquals(42L, e.getProperty("id"));
    assertEquals("default", e.getProperty("desktop"));
    assertEquals("/10.0.0.7:51234", e.getProperty("peer"));
    assertEquals("VncAuth", e.getProperty("securityType"));
    assertEquals("", e.getProperty("user"));
    assertEquals("authentication failed", e.getProperty("reason"));
    assertEquals(when.toEpochMilli(), e.getProperty("timestamp"));
    assertEquals(Set.of("id", "desktop", "peer", "securityType", "user", "reason", "timestamp",
        "event.topics"), Set.of(e.getPropertyNames()));
  }
}
