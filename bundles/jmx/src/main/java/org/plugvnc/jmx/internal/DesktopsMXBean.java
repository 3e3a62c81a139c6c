package org.plugvnc.jmx.internal;

/** {@code org.plugvnc:type=Desktops}: the desktops and their backends. */
public interface DesktopsMXBean {

  /** The desktops now. */
  DesktopView[] getDesktops();

  /** Shows {@code backend} on {@code desktop}; an unknown name fails with the reason. */
  void setBackend(String desktop, String backend);
}
