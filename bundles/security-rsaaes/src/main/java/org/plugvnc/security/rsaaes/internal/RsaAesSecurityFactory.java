package org.plugvnc.security.rsaaes.internal;

import java.security.SecureRandom;
import java.util.function.Supplier;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * One RSA-AES type as a whiteboard factory (registered by {@link RsaAesComponent} with
 * {@code plugvnc.security.type} set to its number): a fresh {@link RsaAesHandshake} per viewer,
 * with the server key and the credential services as they are at that moment. Stateless.
 */
final class RsaAesSecurityFactory implements SecurityTypeFactory {

  private final RsaAesVariant variant;
  private final ServerRsaKey key;
  private final SecureRandom random;
  private final Supplier<RsaAesComponent.CredentialChoice> credentials;

  RsaAesSecurityFactory(RsaAesVariant variant, ServerRsaKey key, SecureRandom random,
      Supplier<RsaAesComponent.CredentialChoice> credentials) {
    this.variant = variant;
    this.key = key;
    this.random = random;
    this.credentials = credentials;
  }

  @Override
  public int type() {
    return variant.type;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    RsaAesComponent.CredentialChoice c = credentials.get();
    if (c.usersOnly() && c.verifier() == null) {
      return new RefusingHandshake("no user service is registered (credentials=users)");
    }
    return new RsaAesHandshake(variant, key, random, context,
        new CredentialCheck(c.verifier(), c.store(), context.passwordFile() != null));
  }

  /** A handshake that refuses at once, for a configuration that cannot authenticate anybody. */
  private record RefusingHandshake(String reason) implements SecurityHandshake {
    @Override
    public void start(org.plugvnc.api.encoding.RfbOutput out) {}

    @Override
    public HandshakeResult receive(java.nio.ByteBuffer in, org.plugvnc.api.encoding.RfbOutput out) {
      return HandshakeResult.failure(reason);
    }
  }
}
