package org.plugvnc.client.protocol;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the client does in the security phase beyond choosing the plain types: which types and
 * VeNCrypt subtypes it accepts, the username for Plain and RSA-AES, and the RSA-AES key options.
 * The password is in {@link HandshakeOptions}; TLS trust belongs to the {@link SecurityLayers}.
 *
 * @param username the username for VeNCrypt Plain subtypes and RSA-AES subtype 1; null sends
 *        an empty one
 * @param securityTypes acceptable security types; the client chooses the first type of the
 *        server's list that is in here. Empty: the automatic choice of {@link HandshakeOptions}
 * @param veNCryptSubtypes acceptable VeNCrypt subtypes, chosen the same way (first of the
 *        server's list that is in here). Empty: every subtype this client speaks
 * @param forcedVeNCryptSubtype a subtype to send even if the server did not list it (the server
 *        must then fail), or 0
 * @param rsaKeyBits the size of the RSA key the client sends in RSA-AES (any size; servers are
 *        expected to refuse sizes outside their bounds)
 * @param serverKeyCheck decides whether an RSA-AES server's key is trusted; null trusts any key
 *        (the fingerprint is still reported in {@link SecurityDetails})
 */
public record SecurityOptions(String username, List<Integer> securityTypes,
    List<Integer> veNCryptSubtypes, int forcedVeNCryptSubtype, int rsaKeyBits,
    Predicate<RsaServerKey> serverKeyCheck) {

  /** The RSA key size the client sends by default. */
  public static final int DEFAULT_RSA_KEY_BITS = 2048;

  /** Automatic choice, every subtype, 2048-bit client key, any server key. */
  public static final SecurityOptions DEFAULT =
      new SecurityOptions(null, List.of(), List.of(), 0, DEFAULT_RSA_KEY_BITS, null);

  /** Copies the lists. */
  public SecurityOptions {
    securityTypes = List.copyOf(securityTypes);
    veNCryptSubtypes = List.copyOf(veNCryptSubtypes);
  }
}
