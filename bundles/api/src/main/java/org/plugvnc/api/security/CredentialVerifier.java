package org.plugvnc.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a user name and password, for the security types that send them (VeNCrypt Plain,
 * RSA-AES with user names). Registered as a service; implementations may use JAAS, a file or a
 * directory. Handshakes call it through {@link SecurityContext#resume} because it may block.
 */
@ConsumerType
public interface CredentialVerifier {

  /**
   * The identity {@code user} authenticates as with {@code password}, or empty when refused. May
   * block (network, JAAS). Never logs the password.
   */
  Optional<Identity> verify(String user, char[] password);
}
