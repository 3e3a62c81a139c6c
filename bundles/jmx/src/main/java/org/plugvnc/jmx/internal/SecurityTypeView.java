package org.plugvnc.jmx.internal;

import org.plugvnc.api.management.SecurityTypeInfo;

/** One security type as an MXBean composite. */
public final class SecurityTypeView {

  private final SecurityTypeInfo t;

  SecurityTypeView(SecurityTypeInfo t) {
    this.t = t;
  }

  public int getType() {
    return t.type();
  }

  public String getName() {
    return t.name();
  }

  public String getBundle() {
    return t.bundle();
  }

  public boolean isConfigured() {
    return t.configured();
  }

  public boolean isOffered() {
    return t.offered();
  }

  public long[] getSessions() {
    return t.sessions().stream().mapToLong(Long::longValue).toArray();
  }
}
