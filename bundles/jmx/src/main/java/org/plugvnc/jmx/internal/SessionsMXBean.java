package org.plugvnc.jmx.internal;

/** {@code org.plugvnc:type=Sessions}: the viewers being served. */
public interface SessionsMXBean {

  /** The sessions now, oldest first. */
  SessionView[] getSessions();

  /** How many there are. */
  int getCount();

  /** Closes session {@code id} for {@code reason}; false when it is not connected. */
  boolean disconnect(long id, String reason);
}
