package org.plugvnc.jmx.internal;

/** {@code org.plugvnc:type=SecurityTypes}: the registered and configured security types. */
public interface SecurityTypesMXBean {

  /** The security types now. */
  SecurityTypeView[] getSecurityTypes();
}
