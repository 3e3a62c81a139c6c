package org.plugvnc.webclient.internal;

import java.lang.annotation.Annotation;

/** A {@link WebClientConfiguration} as ConfigAdmin would hand it to the component. */
record TestConfiguration(
    boolean autoconnect, String resize, boolean reconnect, int reconnectDelayMillis, String path,
    boolean shared) implements WebClientConfiguration {

  static TestConfiguration defaults() {
    return new TestConfiguration(true, "scale", true, 2000, "websockify", true);
  }

  TestConfiguration withPath(String newPath) {
    return new TestConfiguration(autoconnect, resize, reconnect, reconnectDelayMillis, newPath, shared);
  }

  TestConfiguration withResize(String newResize) {
    return new TestConfiguration(autoconnect, newResize, reconnect, reconnectDelayMillis, path, shared);
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return WebClientConfiguration.class;
  }
}
