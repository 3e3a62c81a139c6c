package org.plugvnc.transport.websocket.internal;

import java.util.List;

/**
 * What one configuration came to; replaced whole on a change. A connection takes the settings of
 * the moment it arrived for its whole life.
 *
 * @param addresses the addresses to bind, as configured
 * @param port the TCP port
 * @param desktop the desktop WebSocket connections on this listener are served
 * @param path the WebSocket's path
 * @param maxFramePayload the largest frame payload a browser may send
 * @param requestTimeoutMillis time for a request's line and headers to arrive
 * @param idleTimeoutMillis time a keep-alive connection may stay idle
 * @param origins which pages may open the WebSocket
 * @param tls the TLS mode
 * @param frameAncestors the CSP frame-ancestors sources
 */
record WebSettings(List<String> addresses, int port, String desktop, String path, int maxFramePayload,
    long requestTimeoutMillis, long idleTimeoutMillis, OriginPolicy origins, TlsMode tls,
    String frameAncestors) {

  /** The request line's bound (bytes). */
  static final int MAX_REQUEST_LINE = 4096;
  /** The bound of all header lines together (bytes). */
  static final int MAX_HEADERS = 8192;

  /** Whether the frame-ancestors sources are {@code 'none'}, so X-Frame-Options DENY applies. */
  boolean framesDenied() {
    return frameAncestors.equals("'none'");
  }

  /** The same settings with another desktop, for a connection taken over from an RFB port. */
  WebSettings forDesktop(String desktopId) {
    return new WebSettings(addresses, port, desktopId, path, maxFramePayload, requestTimeoutMillis,
        idleTimeoutMillis, origins, tls, frameAncestors);
  }
}
