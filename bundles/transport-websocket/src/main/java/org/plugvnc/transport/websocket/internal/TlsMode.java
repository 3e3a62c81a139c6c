package org.plugvnc.transport.websocket.internal;

import java.util.Locale;

/** The {@code tls} option. */
enum TlsMode {
  /** https and wss whenever a server certificate is registered; plain http too. */
  AUTO,
  /** Plain http and ws only. */
  OFF,
  /** https and wss only: plain http is redirected, a plain WebSocket refused. */
  REQUIRED;

  /** The mode named {@code value}, or null when it names none. */
  static TlsMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
