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
 */
public record ServerSettings(
    List<Integer> securityTypes,
    SharePolicy sharePolicy,
    String desktopName,
    int maxCutText,
    long handshakeTimeoutMillis) {}
