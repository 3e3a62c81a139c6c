package org.plugvnc.engine.internal.protocol;

/**
 * A peer broke the protocol. Ends only that peer's session; the message is the reason that is
 * logged (and, where RFB has a failure message, sent).
 */
public class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A violation described by {@code reason}. */
  public ProtocolException(String reason) {
    super(reason);
  }
}
