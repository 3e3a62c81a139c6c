package org.plugvnc.engine.internal.net;

import java.util.List;

/**
 * The engine's settings as they apply to new connections. Immutable.
 *
 * @param securityTypes the security types to offer, in order of preference
 * @param sharePolicy what a viewer asking for exclusive access gets
 * @param desktopName the name sent in ServerInit
 * @param maxCutText the longest ClientCutText accepted, in bytes
 * @param handshakeTimeoutMillis how long a connection may take to reach the normal phase
 * @param sendBufferHighWater bytes queued for a viewer above which nothing more is handed to its
 *     socket (updates merge, superseding messages replace each other)
 * @param sendBufferLimit bytes queued for a viewer past which it is closed
 * @param maxConnections connections open at once above which none is accepted (0: no limit)
 * @param sharedPortWaitMillis how long a new TCP connection is listened to before the greeting
 *     while a protocol shares the RFB port (0: never)
 */
public record ServerSettings(
    List<Integer> securityTypes,
    SharePolicy sharePolicy,
    String desktopName,
    int maxCutText,
    long handshakeTimeoutMillis,
    int sendBufferHighWater,
    long sendBufferLimit,
    int maxConnections,
    long sharedPortWaitMillis) {

  /** Settings with no wait for a protocol that shares the port. */
  public ServerSettings(List<Integer> securityTypes, SharePolicy sharePolicy, String desktopName,
      int maxCutText, long handshakeTimeoutMillis, int sendBufferHighWater, long sendBufferLimit,
      int maxConnections) {
    this(securityTypes, sharePolicy, desktopName, maxCutText, handshakeTimeoutMillis,
        sendBufferHighWater, sendBufferLimit, maxConnections, 0);
  }
}
