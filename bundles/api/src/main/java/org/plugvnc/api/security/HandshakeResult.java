package org.plugvnc.api.security;

import java.util.Objects;

/**
 * What a {@link SecurityHandshake} step came to.
 *
 * @param status how it stands
 * @param identity who authenticated, when {@code status} is {@link Status#SUCCESS}
 * @param reason why it failed, when {@code status} is {@link Status#FAILURE}; sent to 3.8 viewers,
 *     so it names no secret
 */
public record HandshakeResult(Status status, Identity identity, String reason) {

  /** How a handshake stands. */
  public enum Status {
    /** More bytes are needed (or an asynchronous check is running). */
    INCOMPLETE,
    /** The viewer is authenticated. */
    SUCCESS,
    /** The viewer is refused. */
    FAILURE
  }

  private static final HandshakeResult INCOMPLETE = new HandshakeResult(Status.INCOMPLETE, null, null);

  /** More bytes are needed. */
  public static HandshakeResult incomplete() {
    return INCOMPLETE;
  }

  /** Authenticated as {@code identity}. */
  public static HandshakeResult success(Identity identity) {
    return new HandshakeResult(Status.SUCCESS, Objects.requireNonNull(identity), null);
  }

  /** Refused, for {@code reason}. */
  public static HandshakeResult failure(String reason) {
    return new HandshakeResult(Status.FAILURE, null, Objects.requireNonNull(reason));
  }
}
