package org.plugvnc.capture.awt.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configuration of the AWT backend, checked: numbers clamped into range, a blank name
 * replaced by {@code awt}. Immutable, so a configuration change swaps it in one write.
 */
record AwtSettings(String name, String screen, int pollMillis, int tileSize, boolean clipboard,
    int clipboardLimit, int clipboardPollMillis) {

  static final String DEFAULT_NAME = "awt";
  static final int MAX_CLIPBOARD_LIMIT = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(AwtSettings.class);

  /** Checks {@code config}; every value it has to change is logged as a warning. */
  static AwtSettings from(AwtCaptureConfiguration config) {
    String name = config.name() == null || config.name().isBlank() ? DEFAULT_NAME : config.name().trim();
    String screen = config.screen() == null ? "" : config.screen().trim();
    return new AwtSettings(name, screen,
        clamp("pollMillis", config.pollMillis(), 10, 10_000),
        clamp("tileSize", config.tileSize(), 8, 512),
        config.clipboard(),
        clamp("clipboardLimit", config.clipboardLimit(), 0, MAX_CLIPBOARD_LIMIT),
        clamp("clipboardPollMillis", config.clipboardPollMillis(), 50, 60_000));
  }

  private static int clamp(String key, int value, int min, int max) {
    int clamped = Math.max(min, Math.min(max, value));
    if (clamped != value) {
      LOG.warn("AWT backend {} {} is outside {}..{}, using {}", key, value, min, max, clamped);
    }
    return clamped;
  }
}
