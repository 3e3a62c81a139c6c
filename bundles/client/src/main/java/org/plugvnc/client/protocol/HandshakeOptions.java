package org.plugvnc.client.protocol;

import org.plugvnc.client.Limits;
import org.plugvnc.client.ProtocolVersion;

/**
 * What the client does in the handshake.
 *
 * @param version the highest version to use; the client announces the lower of it and what the
 *        server allows. Ignored when {@code rawVersion} is set
 * @param rawVersion if not null, sent verbatim as the ProtocolVersion reply (any length, any
 *        bytes as Latin-1 chars), for odd or hostile announcements
 * @param rawHandshakeAs the handshake to follow after a raw announcement; null means as a server
 *        must interpret it ({@link ProtocolVersion#interpretAnnounced(String)})
 * @param securityType the security type to choose in 3.7/3.8, or 0 to choose automatically
 *        (the first of the server's types in {@link SecurityOptions#securityTypes()} if that is
 *        not empty; else VNC Authentication if a password is set and offered, else None)
 * @param forceSecurityType send {@code securityType} even if the server did not offer it
 * @param password the password for VNC Authentication, VeNCrypt Plain and RSA-AES, or null
 * @param shared the ClientInit shared-flag
 * @param limits bounds on lengths read from the server
 * @param security VeNCrypt and RSA-AES options
 */
public record HandshakeOptions(ProtocolVersion version, String rawVersion,
    ProtocolVersion rawHandshakeAs, int securityType, boolean forceSecurityType,
    String password, boolean shared, Limits limits, SecurityOptions security) {

  /** A 3.8 handshake choosing automatically, no password, shared, default limits. */
  public static final HandshakeOptions DEFAULT =
      new HandshakeOptions(ProtocolVersion.V3_8, null, null, 0, false, null, true, Limits.DEFAULT);

  /** Options with {@link SecurityOptions#DEFAULT}. */
  public HandshakeOptions(ProtocolVersion version, String rawVersion,
      ProtocolVersion rawHandshakeAs, int securityType, boolean forceSecurityType,
      String password, boolean shared, Limits limits) {
    this(version, rawVersion, rawHandshakeAs, securityType, forceSecurityType, password, shared,
        limits, SecurityOptions.DEFAULT);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "HandshakeOptions[version=" + version + ", rawVersion="
        + (rawVersion == null ? null : rawVersion.strip()) + ", securityType=" + securityType
        + ", force=" + forceSecurityType + ", password=" + (password == null ? "none" : "***")
        + ", shared=" + shared + ", types=" + security.securityTypes() + ", subtypes="
        + security.veNCryptSubtypes() + "]";
  }
}
