package org.plugvnc.commands.internal;

import org.plugvnc.api.management.ReverseConnections;

/**
 * A listening viewer as typed on the console: {@code host}, {@code host:port}, {@code
 * [IPv6]:port} or a bare IPv6 address; the port defaults to 5500, as in the reverse transport's
 * {@code viewers} setting.
 */
record ListeningViewer(String host, int port) {

  /**
   * @throws IllegalArgumentException with a reason an operator can act on
   */
  static ListeningViewer parse(String text) {
    String s = text.trim();
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || (close + 1 < s.length() && s.charAt(close + 1) != ':')) {
        throw new IllegalArgumentException("Expected [IPv6 address]:port, got '" + s + "'");
      }
      host = s.substring(1, close);
      port = close + 1 < s.length() ? s.substring(close + 2) : null;
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("No host in '" + s + "'");
    }
    return new ListeningViewer(host, port == null ? ReverseConnections.LISTENING_VIEWER_PORT
        : portNumber(port));
  }

  private static int portNumber(String digits) {
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("The port must be a number from 1 to 65535, got '"
        + digits + "'");
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
