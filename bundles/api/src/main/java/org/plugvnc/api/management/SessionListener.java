package org.plugvnc.api.management;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every connection's course: connected, authenticated or failed, disconnected. Registered
 * as a whiteboard service; the engine calls every registered listener, in order, on one thread of
 * its own (never an I/O thread), so a slow listener delays only the listeners. Events that arrive
 * faster than the listeners take them are dropped past a bounded queue, and the drop is logged.
 */
@ConsumerType
public interface SessionListener {

  /** Called for each event; must not throw (a throw is logged and ignored). */
  void sessionEvent(SessionEvent event);
}
