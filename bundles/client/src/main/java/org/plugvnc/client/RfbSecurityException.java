package org.plugvnc.client;

import java.io.IOException;
import java.util.List;

/**
 * The server did not let this client in: it refused the connection before security negotiation,
 * offered no type this client would use, or reported a failed SecurityResult. Carries the reason
 * string the server sent, if the protocol version has one.
 */
public class RfbSecurityException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Where the handshake stopped. */
  public enum Failure {
    /** 3.3 security type 0, or 3.7/3.8 number-of-security-types 0: the server refused. */
    CONNECTION_REFUSED,
    /** The server offered no type this client was configured to use (client-side decision). */
    NO_ACCEPTABLE_TYPE,
    /** SecurityResult was not OK (wrong password, type not offered, ...). */
    AUTHENTICATION_FAILED,
    /**
     * VeNCrypt: the server refused the version or the subtype (an ack other than OK), or listed
     * no subtypes.
     */
    SUBTYPE_REFUSED,
    /** VeNCrypt's TLS handshake failed for a reason other than trust (versions, suites, ...). */
    TLS_FAILED,
    /**
     * The server's identity was not accepted: its TLS certificate, its RSA-AES key (pin or
     * check), or its RSA-AES server hash.
     */
    SERVER_NOT_TRUSTED
  }

  private final Failure failure;
  private final String serverReason;
  private final long resultCode;
  private final List<Integer> offeredTypes;

  /**
   * @param failure where the handshake stopped
   * @param serverReason the server's reason string, or null when the protocol sends none
   * @param resultCode the SecurityResult status, or -1 when there was none
   * @param offeredTypes the security types the server offered (in 3.3: the one it picked)
   */
  public RfbSecurityException(Failure failure, String serverReason, long resultCode,
      List<Integer> offeredTypes) {
    super(failure + (serverReason == null ? "" : ": " + serverReason)
        + (resultCode < 0 ? "" : " (SecurityResult " + resultCode + ")")
        + " offered " + offeredTypes);
    this.failure = failure;
    this.serverReason = serverReason;
    this.resultCode = resultCode;
    this.offeredTypes = List.copyOf(offeredTypes);
  }

  /**
   * A failure of the client's own making or of a layer below RFB, with its cause.
   *
   * @param failure where the handshake stopped
   * @param detail what went wrong, for the message (never a password)
   * @param offeredTypes the security types the server offered
   * @param cause the underlying exception, or null
   */
  public RfbSecurityException(Failure failure, String detail, List<Integer> offeredTypes,
      Throwable cause) {
    this(failure, null, -1, offeredTypes, detail);
    initCause(cause);
  }

  private RfbSecurityException(Failure failure, String serverReason, long resultCode,
      List<Integer> offeredTypes, String detail) {
    super(failure + ": " + detail + " offered " + offeredTypes);
    this.failure = failure;
    this.serverReason = serverReason;
    this.resultCode = resultCode;
    this.offeredTypes = List.copyOf(offeredTypes);
  }

  /** @return where the handshake stopped */
  public Failure failure() {
    return failure;
  }

  /** @return the server's reason string, or null when the protocol version sends none */
  public String serverReason() {
    return serverReason;
  }

  /** @return the SecurityResult status (1 failed, 2 too many attempts), or -1 if none came */
  public long resultCode() {
    return resultCode;
  }

  /** @return the types the server offered, empty if it refused before offering any */
  public List<Integer> offeredTypes() {
    return offeredTypes;
  }
}
