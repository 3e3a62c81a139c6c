package org.plugvnc.client;

import java.io.IOException;

/**
 * Nothing arrived within the time a caller was prepared to wait. Thrown only between messages:
 * the connection is still in step and may be used again.
 */
public class RfbTimeoutException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param message what was awaited and for how long */
  public RfbTimeoutException(String message) {
    super(message);
  }
}
