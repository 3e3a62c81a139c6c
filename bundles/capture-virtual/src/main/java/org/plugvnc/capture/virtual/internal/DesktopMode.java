package org.plugvnc.capture.virtual.internal;

import java.util.Locale;

/** What the virtual desktop shows. */
enum DesktopMode {
  /** The demo desktop a person can use: clock, text line, canvas, clipboard. */
  INTERACTIVE("interactive"),
  /** The fixed gradient of the shared test-pattern formula, changed only by input blocks. */
  TEST_PATTERN("test-pattern");

  private final String configValue;

  DesktopMode(String configValue) {
    this.configValue = configValue;
  }

  /** The value that selects this mode in the configuration. */
  String configValue() {
    return configValue;
  }

  /**
   * The mode a configuration value names, ignoring case and accepting {@code _} for {@code -};
   * {@code null} when it names none.
   */
  static DesktopMode parse(String value) {
    if (value == null) {
      return null;
    }
    String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DesktopMode mode : values()) {
      if (mode.configValue.equals(normalized)) {
        return mode;
      }
    }
    return null;
  }
}
