package org.plugvnc.credentials.file.internal;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * Password to key: PBKDF2-HMAC-SHA256 from the JDK's provider. An interface so that tests can count
 * the iterations each path runs, which proves that an unknown user costs what a known one does
 * without timing anything.
 */
interface KeyDerivation {

  /**
   * {@link UsersFileFormat#HASH_BYTES} bytes derived from {@code password}, as a fresh array the
   * caller wipes. Does not keep or change {@code password}. CPU-bound: a default-count call takes
   * a few hundred milliseconds.
   */
  byte[] derive(char[] password, byte[] salt, int iterations);

  /** The JDK's {@code PBKDF2WithHmacSHA256}. */
  KeyDerivation PBKDF2 = (password, salt, iterations) -> {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, UsersFileFormat.HASH_BYTES * 8);
    try {
      SecretKey key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
      byte[] derived = key.getEncoded();
      destroy(key);
      return derived;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no PBKDF2WithHmacSHA256", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 failed: " + e.getMessage(), e);
    } finally {
      spec.clearPassword();
    }
  };

  /** Wipes the key object's own copy where the provider allows it (the JDK's clears it on GC). */
  private static void destroy(SecretKey key) {
    try {
      key.destroy();
    } catch (DestroyFailedException | UnsupportedOperationException e) {
      // Nothing more can be done from here: the provider keeps its copy until it is collected.
    }
  }

  /** Overwrites {@code bytes} with zeros. */
  static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
