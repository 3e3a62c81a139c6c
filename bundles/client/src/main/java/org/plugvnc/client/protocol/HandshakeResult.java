package org.plugvnc.client.protocol;

import java.util.List;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.ServerInit;

/**
 * What a completed handshake established.
 *
 * @param serverVersion the server's ProtocolVersion message, e.g. {@code "RFB 003.008\n"}
 * @param announcedVersion what the client replied
 * @param version the handshake the client followed
 * @param offeredSecurityTypes the types the server listed (in 3.3: the one it decided)
 * @param securityType the type used
 * @param security the subtype, TLS parameters and server fingerprint, if any
 * @param serverInit the ServerInit message
 */
public record HandshakeResult(String serverVersion, String announcedVersion,
    ProtocolVersion version, List<Integer> offeredSecurityTypes, int securityType,
    SecurityDetails security, ServerInit serverInit) {

  /** A result without security details ({@link SecurityDetails#NONE}). */
  public HandshakeResult(String serverVersion, String announcedVersion, ProtocolVersion version,
      List<Integer> offeredSecurityTypes, int securityType, ServerInit serverInit) {
    this(serverVersion, announcedVersion, version, offeredSecurityTypes, securityType,
        SecurityDetails.NONE, serverInit);
  }
}
