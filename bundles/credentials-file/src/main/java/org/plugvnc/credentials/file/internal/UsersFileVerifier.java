package org.plugvnc.credentials.file.internal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user names and passwords against a users file ({@link UsersFileFormat}), giving each user
 * the rights their line names. The file is looked at on every check and parsed again when it
 * changed, so {@code user add} applies to the next login without a restart.
 *
 * <p>Timing reveals nothing about which names exist: an unknown name is hashed with a random dummy
 * salt at the configured iteration count, and the result compared against a dummy hash, the same
 * work a known name with an entry of that count costs. Comparison is constant-time
 * ({@link MessageDigest#isEqual}). The password is never logged or kept, and derived keys are
 * wiped after use. A configuration change replaces the component (no {@code @Modified}), which
 * is harmless: it keeps no session state.
 */
final class UsersFileVerifier implements CredentialVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(UsersFileVerifier.class);

  private final UsersFileSource source;
  private final KeyDerivation derivation;
  private final int dummyIterations;
  private final byte[] dummySalt = new byte[UsersFileFormat.SALT_BYTES];
  private final byte[] dummyHash = new byte[UsersFileFormat.HASH_BYTES];

  /**
   * @param file the users file
   * @param iterations the count an unknown name's dummy check runs, as configured (a count out of
   *     bounds is replaced by the default with a warning)
   */
  UsersFileVerifier(Path file, int iterations, KeyDerivation derivation) {
    this.source = new UsersFileSource(file);
    this.derivation = derivation;
    this.dummyIterations = boundedIterations(iterations);
    SecureRandom random = new SecureRandom();
    random.nextBytes(dummySalt);
    random.nextBytes(dummyHash);
    source.users();
  }

  /**
   * The identity {@code user} has with {@code password}, or empty. Blocks for one PBKDF2 run
   * (about {@value UsersFileFormat#DEFAULT_ITERATIONS} iterations: a few hundred milliseconds of
   * CPU), so the handshake calls it off the I/O threads. Does not keep or change {@code password}.
   */
  @Override
  public Optional<Identity> verify(String user, char[] password) {
    if (user == null || password == null || password.length == 0 || password.length > UsersFileFormat.MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    UserEntry entry = source.users().get(user);
    byte[] derived = entry != null
        ? derivation.derive(password, entry.salt(), entry.iterations())
        : derivation.derive(password, dummySalt, dummyIterations);
    try {
      boolean match = MessageDigest.isEqual(derived, entry != null ? entry.hash() : dummyHash);
      return match && entry != null ? Optional.of(new Identity(entry.name(), entry.viewOnly())) : Optional.empty();
    } finally {
      KeyDerivation.wipe(derived);
    }
  }

  /** The file this verifier reads. */
  Path file() {
    return source.file();
  }

  /** {@code iterations} within bounds, else the default with a warning. */
  static int boundedIterations(int iterations) {
    try {
      return UsersFileFormat.checkIterations(iterations);
    } catch (IllegalArgumentException e) {
      LOG.warn("Configuration {}: iterations {} is outside {} to {}; using {}", UsersFileProvider.PID, iterations,
          UsersFileFormat.MIN_ITERATIONS, UsersFileFormat.MAX_ITERATIONS, UsersFileFormat.DEFAULT_ITERATIONS);
      return UsersFileFormat.DEFAULT_ITERATIONS;
    }
  }
}
