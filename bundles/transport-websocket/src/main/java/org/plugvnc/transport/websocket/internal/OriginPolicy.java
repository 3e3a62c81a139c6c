package org.plugvnc.transport.websocket.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open the WebSocket. A browser lets any page open a WebSocket to any host
 * and only tells the server where the page came from (the {@code Origin} header), so this check
 * is what stops a page elsewhere from driving a viewer's browser into a VNC server it can reach
 * (a local one, say). The server's own origin (the scheme the request came over, the host and
 * port of its {@code Host} header) is always allowed; configured origins in addition; {@code *}
 * allows any. A request without {@code Origin} is not a browser's page, and a non-browser client
 * can send any Origin it likes anyway, so refusing it would protect nobody.
 */
final class OriginPolicy {

  private final boolean any;
  private final Set<String> allowed;

  private OriginPolicy(boolean any, Set<String> allowed) {
    this.any = any;
    this.allowed = allowed;
  }

  /** From the configured list; entries that are no origin are ignored (the caller logs them). */
  static OriginPolicy of(String[] configured, java.util.function.Consumer<String> invalid) {
    boolean any = false;
    Set<String> allowed = new LinkedHashSet<>();
    for (String entry : configured == null ? new String[0] : configured) {
      for (String part : entry.split(",")) {
        String e = part.trim();
        if (e.isEmpty()) {
          continue;
        }
        if (e.equals("*")) {
          any = true;
          continue;
        }
        String normal = canonical(e);
        if (normal == null) {
          invalid.accept(e);
        } else {
          allowed.add(normal);
        }
      }
    }
    return new OriginPolicy(any, Set.copyOf(allowed));
  }

  /** Whether every origin is allowed. */
  boolean allowsAny() {
    return any;
  }

  /**
   * Null when {@code origin} may open the WebSocket of a request with this {@code host} header
   * that came over TLS or not ({@code secure}); otherwise why not, for the log.
   */
  String refusal(String origin, String host, boolean secure) {
    if (origin == null || any) {
      return null;
    }
    String normal = canonical(origin.trim());
    if (normal == null) {
      return "Origin '" + origin + "' is not a valid origin";
    }
    String own = host == null ? null : canonical((secure ? "https://" : "http://") + host.trim());
    if (normal.equals(own) || allowed.contains(normal)) {
      return null;
    }
    return "Origin " + normal + " is neither this server's own (" + own + ") nor in allowedOrigins";
  }

  /**
   * {@code scheme://host:port} in lower case with the scheme's default port made explicit, or
   * null when {@code origin} is not a tuple origin of http or https (a page from a file or a
   * sandbox sends the opaque origin {@code null}, which no configuration can name).
   */
  static String canonical(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null || uri.getRawUserInfo() != null
          || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (scheme.equals("http") || scheme.equals("ws")) {
        port = port < 0 ? 80 : port;
        scheme = "http";
      } else if (scheme.equals("https") || scheme.equals("wss")) {
        port = port < 0 ? 443 : port;
        scheme = "https";
      } else {
        return null;
      }
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
