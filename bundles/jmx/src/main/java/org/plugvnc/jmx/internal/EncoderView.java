package org.plugvnc.jmx.internal;

import org.plugvnc.api.management.EncoderInfo;

/** One encoder as an MXBean composite. */
public final class EncoderView {

  private final EncoderInfo e;

  EncoderView(EncoderInfo e) {
    this.e = e;
  }

  public int getEncoding() {
    return e.encoding();
  }

  public String getName() {
    return e.name();
  }

  public String getBundle() {
    return e.bundle();
  }

  public boolean isLossy() {
    return e.lossy();
  }

  public long[] getSessions() {
    return e.sessions().stream().mapToLong(Long::longValue).toArray();
  }
}
