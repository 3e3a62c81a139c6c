package org.plugvnc.launcher;

/** The server could not be started; the message says why, in words meant for the user. */
final class LaunchException extends Exception {

  private static final long serialVersionUID = 1L;

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
