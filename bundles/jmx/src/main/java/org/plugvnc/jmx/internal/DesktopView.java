package org.plugvnc.jmx.internal;

import org.plugvnc.api.management.DesktopInfo;

/** One desktop as an MXBean composite. */
public final class DesktopView {

  private final DesktopInfo d;

  DesktopView(DesktopInfo d) {
    this.d = d;
  }

  public String getId() {
    return d.id();
  }

  public String getName() {
    return d.name();
  }

  public String[] getListening() {
    return d.listening().toArray(String[]::new);
  }

  public String getBackend() {
    return d.backend();
  }

  public String getConfiguredBackend() {
    return d.configuredBackend();
  }

  public String[] getAvailableBackends() {
    return d.availableBackends().toArray(String[]::new);
  }

  public int getWidth() {
    return d.width();
  }

  public int getHeight() {
    return d.height();
  }

  public int getSessions() {
    return d.sessions();
  }
}
