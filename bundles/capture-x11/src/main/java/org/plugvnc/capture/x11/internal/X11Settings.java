package org.plugvnc.capture.x11.internal;

/**
 * The X11 backend's configuration with defaults applied and values clamped.
 *
 * @param display the display name, or null for DISPLAY
 * @param name the plugvnc.backend property
 * @param shm whether to try MIT-SHM
 * @param damage whether to use XDamage
 * @param pollMillis pause between rounds of the X thread
 * @param closeOnLoss true: viewers are closed when the server goes; false: a blank desktop
 * @param reconnectMinMillis first reconnection delay
 * @param reconnectMaxMillis longest reconnection delay
 */
record X11Settings(String display, String name, boolean shm, boolean damage, int pollMillis,
    boolean closeOnLoss, int reconnectMinMillis, int reconnectMaxMillis) {

  static X11Settings from(X11BackendConfiguration c) {
    String display = c.display() == null || c.display().isBlank() ? null : c.display().strip();
    String name = c.name() == null || c.name().isBlank() ? "x11" : c.name().strip();
    String loss = c.onServerLost() == null ? "blank" : c.onServerLost().strip();
    if (!loss.equals("blank") && !loss.equals("close")) {
      throw new IllegalArgumentException("onServerLost must be blank or close, not " + loss);
    }
    int min = clamp(c.reconnectMinMillis(), 10, 600_000);
    int max = Math.max(min, clamp(c.reconnectMaxMillis(), 10, 600_000));
    return new X11Settings(display, name, c.shm(), c.damage(), clamp(c.pollMillis(), 5, 1000),
        loss.equals("close"), min, max);
  }

  /** The display as shown in logs and reasons. */
  String shownDisplay() {
    if (display != null) {
      return display;
    }
    String env = System.getenv("DISPLAY");
    return env == null ? "(DISPLAY unset)" : env;
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
