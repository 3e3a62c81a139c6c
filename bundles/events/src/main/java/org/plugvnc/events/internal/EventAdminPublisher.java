package org.plugvnc.events.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.plugvnc.api.management.SessionEvent;
import org.plugvnc.api.management.SessionListener;

/**
 * Posts every session event on EventAdmin, so that an audit log or an alert can subscribe to
 * {@code org/plugvnc/session/*} without depending on plugvnc. Asynchronous ({@code postEvent}):
 * the engine's events thread never waits for the handlers. Active only while an EventAdmin is
 * registered; the engine simply has one listener fewer otherwise.
 *
 * <p>Topics: {@code org/plugvnc/session/CONNECTED}, {@code AUTHENTICATED},
 * {@code AUTHENTICATION_FAILED}, {@code DISCONNECTED}. Properties: {@code id} (Long),
 * {@code desktop}, {@code peer}, {@code securityType}, {@code user}, {@code reason} (Strings, empty
 * when they do not apply) and {@code timestamp} (Long, milliseconds since the epoch, as
 * {@link EventConstants#TIMESTAMP} defines it). Never a password.
 */
@Component(service = SessionListener.class)
public final class EventAdminPublisher implements SessionListener {

  /** The topics' common prefix. */
  static final String TOPIC_PREFIX = "org/plugvnc/session/";

  private final EventAdmin eventAdmin;

  /** Publishes on {@code eventAdmin}. */
  @Activate
  public EventAdminPublisher(@Reference EventAdmin eventAdmin) {
    this.eventAdmin = eventAdmin;
  }

  @Override
  public void sessionEvent(SessionEvent e) {
    eventAdmin.postEvent(toEvent(e));
  }

  /** The EventAdmin event for {@code e}. */
  static Event toEvent(SessionEvent e) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", e.id());
    p.put("desktop", e.desktop());
    p.put("peer", e.peer());
    p.put("securityType", e.securityType());
    p.put("user", e.user());
    p.put("reason", e.reason());
    p.put(EventConstants.TIMESTAMP, e.time().toEpochMilli());
    return new Event(TOPIC_PREFIX + e.kind().name().toUpperCase(Locale.ROOT), p);
  }
}
