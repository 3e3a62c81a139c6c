package org.plugvnc.transport.reverse.internal;

import java.time.Duration;
import org.plugvnc.api.transport.RfbAcceptor;

/** The configuration that applies to every configured viewer, checked and clamped. */
record Settings(String desktop, Duration retryMin, Duration retryMax, int connectTimeoutMillis) {

  static Settings of(ReverseConfiguration config) {
    String desktop = config.desktop() == null || config.desktop().isBlank()
        ? RfbAcceptor.DEFAULT_DESKTOP : config.desktop().trim();
    int min = Math.max(1, config.retryMinSeconds());
    int max = Math.max(min, config.retryMaxSeconds());
    int timeout = Math.max(1, config.connectTimeoutSeconds());
    return new Settings(desktop, Duration.ofSeconds(min), Duration.ofSeconds(max),
        (int) Math.min(Integer.MAX_VALUE, timeout * 1000L));
  }
}
