package org.plugvnc.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a user name and password, for the security types that send them (VeNCrypt Plain,
 * RSA-AES with user names). Registered as a service; implementations may use JAAS, a file or a
 * directory. Handshakes call it through {@link SecurityContext#resume} because it may block.
 *
 * <p>Each provider registers its verifier with {@link #PROVIDER_PROPERTY} naming it ({@code file},
 * {@code jaas}) and a {@code service.ranking} taken from its configuration (an Integer, 0 by
 * default). When several are registered, a handshake uses the one of highest ranking (on a tie,
 * the one registered first), unless its configuration targets one by {@link #PROVIDER_PROPERTY}.
 */
@ConsumerType
public interface CredentialVerifier {

  /**
   * Service property naming the provider: {@code file} for the users file, {@code jaas} for JAAS.
   *
   * @since 1.3
   */
  String PROVIDER_PROPERTY = "plugvnc.credentials";

  /**
   * The identity {@code user} authenticates as with {@code password}, or empty when refused. May
   * block (network, JAAS). Never logs the password.
   */
  Optional<Identity> verify(String user, char[] password);
}
