package org.plugvnc.jmx.internal;

import java.util.Map;
import org.plugvnc.api.management.SessionInfo;

/** One session as an MXBean composite: getters, because JMX maps getters, not records. */
public final class SessionView {

  private final SessionInfo s;

  SessionView(SessionInfo s) {
    this.s = s;
  }

  public long getId() {
    return s.id();
  }

  public String getDesktop() {
    return s.desktop();
  }

  public String getPeer() {
    return s.peer();
  }

  public String getUser() {
    return s.user();
  }

  public boolean isViewOnly() {
    return s.viewOnly();
  }

  public String getSecurityType() {
    return s.securityTypeName();
  }

  public String getPreferredEncoding() {
    return s.preferredEncoding();
  }

  /** Rectangles sent per encoding name. */
  public Map<String, Long> getEncodingsUsed() {
    return s.encodingsUsed();
  }

  public String getPixelFormat() {
    return s.pixelFormat();
  }

  public long getBytesSent() {
    return s.bytesSent();
  }

  public long getUpdatesSent() {
    return s.updatesSent();
  }

  public double getUpdatesPerSecond() {
    return s.updatesPerSecond();
  }

  /** ISO-8601, UTC. */
  public String getConnectedSince() {
    return s.connectedSince().toString();
  }
}
