package org.plugvnc.capture.awt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class AwtSettingsTest {

  /** A configuration as ConfigAdmin would hand it over, with every value chosen by the test. */
  private static AwtCaptureConfiguration config(String name, String screen, int poll, int tile,
      int limit, int clipboardPoll) {
    return new AwtCaptureConfiguration() {
      @Override public Class<? extends Annotation> annotationType() {
        return AwtCaptureConfiguration.class;
      }
      @Override public String name() {
        return name;
      }
      @Override public String screen() {
        return screen;
      }
      @Override public int pollMillis() {
        return poll;
      }
      @Override public int tileSize() {
        return tile;
      }
      @Override public boolean clipboard() {
        return false;
      }
      @Override public int clipboardLimit() {
        return limit;
      }
      @Override public int clipboardPollMillis() {
        return clipboardPoll;
      }
    };
  }

  @Test
  void valuesInRangeAreKept() {
    assertEquals(new AwtSettings("left", "1", 40, 64, false, 1000, 250),
        AwtSettings.from(config(" left ", " 1 ", 40, 64, 1000, 250)));
  }

  @Test
  void valuesOutOfRangeAreClampedAndABlankNameIsAwt() {
    assertEquals(new AwtSettings("awt", "", 10, 8, false, 0, 50),
        AwtSettings.from(config(" ", null, 0, 1, -5, 1)));
    assertEquals(new AwtSettings("awt", "", 10_000, 512, false, 64 * 1024 * 1024, 60_000),
        AwtSettings.from(config(null, "", Integer.MAX_VALUE, 4096, Integer.MAX_VALUE, 1 << 30)));
  }
}
