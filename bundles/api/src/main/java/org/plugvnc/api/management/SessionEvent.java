package org.plugvnc.api.management;

import java.time.Instant;

/**
 * Something that happened to one connection. Never carries a password or any other secret.
 *
 * @param kind what happened
 * @param id the connection's number, the same as its session's {@link SessionInfo#id()} later
 * @param desktop the id of the desktop the connection came to
 * @param peer the viewer's address and port
 * @param securityType the name of the security type chosen; empty before one was
 * @param user who authenticated; empty unless {@link Kind#AUTHENTICATED} or later
 * @param reason why it failed or ended; empty for {@link Kind#CONNECTED} and
 *     {@link Kind#AUTHENTICATED}
 * @param time when it happened
 */
public record SessionEvent(Kind kind, long id, String desktop, String peer, String securityType,
    String user, String reason, Instant time) {

  /** What happened. */
  public enum Kind {
    /** A viewer connected; its handshake begins. */
    CONNECTED,
    /** It passed its security type's authentication. */
    AUTHENTICATED,
    /** Its authentication failed (a wrong password, a refused type, a blocked address). */
    AUTHENTICATION_FAILED,
    /** The connection ended, in any phase. */
    DISCONNECTED
  }
}
