package org.plugvnc.api.management;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One viewer's session.
 *
 * @param id the session's number, unique while the server runs (never reused)
 * @param desktop the id of the desktop it views
 * @param peer the viewer's address and port
 * @param user who it authenticated as: a user name, or a description such as {@code vnc-password}
 *     when the security type has none
 * @param viewOnly whether it may only watch (no key, pointer or clipboard input)
 * @param securityType the RFB number of the security type it authenticated with
 * @param securityTypeName that type's name ({@code VncAuth}, say)
 * @param preferredEncoding the name of the first pixel encoding the viewer listed that the server
 *     can use now
 * @param encodingsUsed the rectangles sent so far per encoding name (pseudo-encodings included),
 *     in the order first used
 * @param pixelFormat the pixel format the viewer asked for, as text
 * @param bytesSent bytes the viewer's socket has taken so far
 * @param updatesSent FramebufferUpdates sent so far
 * @param updatesPerSecond FramebufferUpdates per second over the last few seconds
 * @param connectedSince when the connection was accepted
 */
public record SessionInfo(long id, String desktop, String peer, String user, boolean viewOnly,
    int securityType, String securityTypeName, String preferredEncoding,
    Map<String, Long> encodingsUsed, String pixelFormat, long bytesSent, long updatesSent,
    double updatesPerSecond, Instant connectedSince) {

  /** Copies the map, so the record stays a snapshot. */
  public SessionInfo {
    encodingsUsed = Collections.unmodifiableMap(new LinkedHashMap<>(encodingsUsed));
  }
}
