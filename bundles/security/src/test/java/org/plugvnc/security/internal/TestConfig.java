package org.plugvnc.security.internal;

import java.lang.annotation.Annotation;

/** A {@link VncAuthConfiguration} as DS would pass it, for constructing the store directly. */
record TestConfig(String passwordFile, String viewOnlyPasswordFile) implements VncAuthConfiguration {

  static final TestConfig DEFAULTS = new TestConfig("", "");

  @Override
  public Class<? extends Annotation> annotationType() {
    return VncAuthConfiguration.class;
  }
}
