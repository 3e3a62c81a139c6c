package org.plugvnc.client.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The VNC Authentication response (RFC 6143 7.2.2): the 16-byte challenge encrypted with DES
 * (ECB, two blocks) under a key made of the first 8 password bytes, zero-padded, with the bits of
 * every key byte reversed (the historical quirk: the reference implementation's DES took the
 * least significant bit first).
 */
public final class VncAuthentication {

  /** Length of the challenge and of the response. */
  public static final int CHALLENGE_LENGTH = 16;

  private VncAuthentication() {
  }

  /**
   * @param challenge the server's 16 bytes
   * @param password the password; characters are taken as Latin-1, only the first 8 count
   * @return the 16-byte response
   * @throws IllegalArgumentException if the challenge is not 16 bytes
   * @throws IllegalStateException if the JDK offers no DES (it always has so far)
   */
  public static byte[] response(byte[] challenge, String password) {
    if (challenge.length != CHALLENGE_LENGTH) {
      throw new IllegalArgumentException("challenge must be 16 bytes: " + challenge.length);
    }
    byte[] key = Arrays.copyOf(password.getBytes(StandardCharsets.ISO_8859_1), 8);
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (Integer.reverse(key[i] & 0xFF) >>> 24);
    }
    try {
      Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
      des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
      return des.doFinal(challenge);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DES is not available", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
