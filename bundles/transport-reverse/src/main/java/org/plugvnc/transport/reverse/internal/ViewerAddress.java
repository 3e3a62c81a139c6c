package org.plugvnc.transport.reverse.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.plugvnc.api.management.ReverseConnections;

/**
 * A listening viewer's address as written in the configuration: {@code host}, {@code host:port},
 * {@code [IPv6]:port} or a bare IPv6 address; the port defaults to 5500.
 */
record ViewerAddress(String host, int port) {

  ViewerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Parses one address.
   *
   * @throws IllegalArgumentException with the reason, for a malformed one
   */
  static ViewerAddress parse(String text) {
    String s = text.trim();
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + s + "' has no closing ]");
      }
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("'" + s + "': expected :port after ]");
      }
      return new ViewerAddress(s.substring(1, close), rest.isEmpty() ? defaultPort() : port(rest.substring(1), s));
    }
    int colon = s.indexOf(':');
    if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
      // no port, or several colons: an IPv6 address without brackets, on the default port
      return new ViewerAddress(s, defaultPort());
    }
    return new ViewerAddress(s.substring(0, colon), port(s.substring(colon + 1), s));
  }

  /**
   * Parses a comma-separated list, dropping duplicates; malformed entries are left out and
   * described in {@code problems}.
   */
  static List<ViewerAddress> parseList(String text, List<String> problems) {
    Set<ViewerAddress> viewers = new LinkedHashSet<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          viewers.add(parse(part));
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
    }
    return new ArrayList<>(viewers);
  }

  private static int port(String digits, String whole) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + whole + "': port '" + digits + "' is not a number");
    }
  }

  private static int defaultPort() {
    return ReverseConnections.LISTENING_VIEWER_PORT;
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
