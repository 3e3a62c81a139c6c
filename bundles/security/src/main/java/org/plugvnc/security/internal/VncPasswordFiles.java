package org.plugvnc.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.plugvnc.api.files.SecretFiles;


/**
 * File-system side of VNC password files: bounded reads and new random passwords (owner-only
 * writes are {@link SecretFiles}'s). Knows nothing of the file format ({@link VncPasswordFormat}) or of logging.
 */
final class VncPasswordFiles {

  /** Letters and digits without look-alikes (0/O/o, 1/l/I), so a password read aloud survives. */
  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  /** Length of a generated password: the 8 bytes VNC Authentication uses. */
  static final int GENERATED_LENGTH = 8;

  private VncPasswordFiles() {}

  /** Reads at most {@link VncPasswordFormat#MAX_LENGTH} + 1 bytes of {@code file}. */
  static byte[] readBounded(Path file) throws IOException {
    return SecretFiles.readBounded(file, VncPasswordFormat.MAX_LENGTH);
  }

  /** A new password of {@link #GENERATED_LENGTH} characters from {@link #ALPHABET}. */
  static char[] generatePassword(SecureRandom random) {
    char[] password = new char[GENERATED_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return password;
  }
}
