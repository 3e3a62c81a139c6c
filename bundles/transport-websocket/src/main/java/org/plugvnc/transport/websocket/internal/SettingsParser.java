package org.plugvnc.transport.websocket.internal;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.transport.RfbAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the configuration into {@link WebSettings}; what it cannot use is logged and replaced. */
final class SettingsParser {

  static final int MIN_FRAME_PAYLOAD = 1024;
  static final int MAX_FRAME_PAYLOAD = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(SettingsParser.class);

  private SettingsParser() {}

  /** The settings, or null (logged as an error) when the port is no port. */
  static WebSettings parse(WebSocketTransportConfiguration c) {
    if (c.port() < 0 || c.port() > 65535) {
      LOG.error("WebSocket transport: port {} is no TCP port; no listener", c.port());
      return null;
    }
    List<String> addresses = new ArrayList<>();
    for (String a : c.bindAddress().split(",")) {
      String t = a.trim();
      if (!t.isEmpty() && !addresses.contains(t)) {
        addresses.add(t);
      }
    }
    if (addresses.isEmpty()) {
      LOG.warn("WebSocket transport: bindAddress is empty; listening on 127.0.0.1");
      addresses.add("127.0.0.1");
    }
    String desktop = c.desktop().trim().isEmpty() ? RfbAcceptor.DEFAULT_DESKTOP : c.desktop().trim();
    String path = c.path().trim();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    int frame = c.maxFramePayload();
    if (frame < MIN_FRAME_PAYLOAD || frame > MAX_FRAME_PAYLOAD) {
      frame = Math.max(MIN_FRAME_PAYLOAD, Math.min(MAX_FRAME_PAYLOAD, frame));
      LOG.warn("WebSocket transport: maxFramePayload {} is out of range; using {}", c.maxFramePayload(), frame);
    }
    long request = Math.max(1, c.requestTimeoutSeconds()) * 1000L;
    long idle = Math.max(1, c.idleTimeoutSeconds()) * 1000L;
    OriginPolicy origins = OriginPolicy.of(c.allowedOrigins(),
        bad -> LOG.warn("WebSocket transport: allowedOrigins entry '{}' is no origin (scheme://host[:port]); ignored", bad));
    if (origins.allowsAny()) {
      LOG.warn("WebSocket transport: allowedOrigins is '*': a page on any web site a viewer's browser "
          + "visits can open this server's WebSocket");
    }
    TlsMode tls = TlsMode.parse(c.tls());
    if (tls == null) {
      LOG.warn("WebSocket transport: tls '{}' is none of auto, off, required; using required", c.tls());
      tls = TlsMode.REQUIRED;
    }
    return new WebSettings(List.copyOf(addresses), c.port(), desktop, path, frame, request, idle, origins,
        tls, frameAncestors(c.frameAncestors()));
  }

  /** The sources as given, or {@code 'none'} when empty or when they could break out of the header. */
  static String frameAncestors(String configured) {
    String s = configured == null ? "" : configured.trim().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      return "'none'";
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ';' || ch == ',' || ch < 0x20 || ch > 0x7e) {
        LOG.warn("WebSocket transport: frameAncestors '{}' holds '{}', which a CSP source list cannot; using 'none'",
            configured, ch);
        return "'none'";
      }
    }
    return s;
  }
}
