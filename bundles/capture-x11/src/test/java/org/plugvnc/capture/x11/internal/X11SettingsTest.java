package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** The configuration's defaults, clamps and refusals. */
class X11SettingsTest {

  private static X11BackendConfiguration config(String display, String loss, int poll, int min,
      int max) {
    return new X11BackendConfiguration() {
      @Override public Class<? extends Annotation> annotationType() {
        return X11BackendConfiguration.class;
      }
      @Override public String display() { return display; }
      @Override public String name() { return " "; }
      @Override public boolean shm() { return true; }
      @Override public boolean damage() { return false; }
      @Override public int pollMillis() { return poll; }
      @Override public String onServerLost() { return loss; }
      @Override public int reconnectMinMillis() { return min; }
      @Override public int reconnectMaxMillis() { return max; }
    };
  }

  @Test
  void blanksMeanDefaultsAndValuesAreClamped() {
    X11Settings s = X11Settings.from(config("  ", "blank", 0, 1, 5));
    assertNull(s.display(), "DISPLAY then");
    assertEquals("x11", s.name());
    assertEquals(5, s.pollMillis());
    assertEquals(10, s.reconnectMinMillis());
    assertEquals(10, s.reconnectMaxMillis(), "never below the first delay");
    assertTrue(!s.closeOnLoss() && s.shm() && !s.damage());
    X11Settings t = X11Settings.from(config(" :3 ", "close", 99_999, 500, 100));
    assertEquals(":3", t.display());
    assertEquals(1000, t.pollMillis());
    assertEquals(500, t.reconnectMaxMillis());
    assertTrue(t.closeOnLoss());
  }

  @Test
  void anUnknownLossPolicyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> X11Settings.from(config(":1", "exit", 20, 250, 1000)));
  }
}
