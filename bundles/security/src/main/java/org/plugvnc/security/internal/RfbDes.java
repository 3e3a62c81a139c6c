package org.plugvnc.security.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * DES as RFB uses it (RFC 6143 section 7.2.2 and its errata): ECB, no padding, with a key made of
 * the first 8 password bytes, zero-padded, and the bit order of each key byte reversed. The
 * reversal comes from the d3des code the first VNC implementations used; every viewer expects it,
 * both for VNC Authentication and for the obfuscated password files of {@code vncpasswd}.
 */
final class RfbDes {

  private static final int KEY_LENGTH = 8;

  private RfbDes() {}

  /**
   * Encrypts {@code data} (a multiple of 8 bytes) with the RFB key derived from {@code password}.
   *
   * @throws IllegalStateException if this JVM offers no DES (it is part of every Java SE platform)
   */
  static byte[] encrypt(byte[] password, byte[] data) {
    return crypt(Cipher.ENCRYPT_MODE, password, data);
  }

  /** Decrypts {@code data} (a multiple of 8 bytes); the inverse of {@link #encrypt}. */
  static byte[] decrypt(byte[] password, byte[] data) {
    return crypt(Cipher.DECRYPT_MODE, password, data);
  }

  private static byte[] crypt(int mode, byte[] password, byte[] data) {
    byte[] key = rfbKey(password);
    try {
      Cipher cipher = Cipher.getInstance("DES/ECB/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "DES"));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DES/ECB/NoPadding is not usable in this JVM", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The first 8 bytes of {@code password}, zero-padded, each with its bits in reverse order. */
  private static byte[] rfbKey(byte[] password) {
    byte[] key = new byte[KEY_LENGTH];
    for (int i = 0; i < Math.min(KEY_LENGTH, password.length); i++) {
      key[i] = (byte) (Integer.reverse(password[i] & 0xFF) >>> 24);
    }
    return key;
  }
}
