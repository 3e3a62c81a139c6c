package org.plugvnc.client.protocol;

/**
 * What the security phase established beyond the security type.
 *
 * @param subtype the VeNCrypt subtype, or the RSA-AES subtype the server asked for (1 username
 *        and password, 2 password only), or 0
 * @param tlsProtocol the TLS version of a VeNCrypt TLS or X509 subtype, or null
 * @param tlsCipherSuite the TLS cipher suite, or null
 * @param serverFingerprint SHA-256 (lower-case hex) of the server's TLS certificate or of its
 *        RSA-AES public key as sent on the wire; null if the server showed neither
 */
public record SecurityDetails(int subtype, String tlsProtocol, String tlsCipherSuite,
    String serverFingerprint) {

  /** Nothing beyond the type: None, VNC Authentication. */
  public static final SecurityDetails NONE = new SecurityDetails(0, null, null, null);
}
