package org.plugvnc.capture.virtual.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configuration of the virtual desktop, checked: sizes and scroll settings clamped into
 * range, unknown modes replaced by {@link DesktopMode#INTERACTIVE}. Immutable, so a
 * {@code @Modified} call can swap it in one write.
 */
record DesktopSettings(
    int width, int height, DesktopMode mode, String title, int scrollSteps, int scrollPixels) {

  /** Smallest width or height: the test pattern's 16x16 key block must fit. */
  static final int MIN_SIZE = 16;
  /** Largest width or height: 8192 x 8192 already needs 256 MiB of pixels. */
  static final int MAX_SIZE = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(DesktopSettings.class);
  private static final String DEFAULT_TITLE = "plugvnc";

  /** Checks {@code config}; every value it has to change is logged as a warning. */
  static DesktopSettings from(VirtualDesktopConfiguration config) {
    int width = clamp("width", config.width());
    int height = clamp("height", config.height());
    DesktopMode mode = DesktopMode.parse(config.mode());
    if (mode == null) {
      LOG.warn("unknown virtual desktop mode '{}', using '{}'", config.mode(),
          DesktopMode.INTERACTIVE.configValue());
      mode = DesktopMode.INTERACTIVE;
    }
    String title = config.title() == null ? DEFAULT_TITLE : config.title();
    int scrollSteps = clamp("scrollSteps", config.scrollSteps(), 0, Integer.MAX_VALUE);
    int scrollPixels = clamp("scrollPixels", config.scrollPixels(), 1, MAX_SIZE);
    return new DesktopSettings(width, height, mode, title, scrollSteps, scrollPixels);
  }

  private static int clamp(String name, int value) {
    return clamp(name, value, MIN_SIZE, MAX_SIZE);
  }

  private static int clamp(String name, int value, int min, int max) {
    int clamped = Math.max(min, Math.min(max, value));
    if (clamped != value) {
      LOG.warn("virtual desktop {} {} is outside {}..{}, using {}", name, value, min, max, clamped);
    }
    return clamped;
  }
}
