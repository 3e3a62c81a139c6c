package org.plugvnc.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The viewer's side of VNC Authentication, written from RFC 6143 section 7.2.2 and its erratum
 * (the DES key bytes are bit-mirrored), sharing no code with the server side.
 */
final class SpecVncAuthClient {

  private SpecVncAuthClient() {}

  /** The 16-byte response to {@code challenge} for {@code password}. */
  static byte[] response(byte[] challenge, String password) {
    byte[] text = password.getBytes(StandardCharsets.ISO_8859_1);
    byte[] key = new byte[8];
    for (int i = 0; i < key.length && i < text.length; i++) {
      int mirrored = 0;
      for (int bit = 0; bit < 8; bit++) {
        if ((text[i] & (1 << bit)) != 0) {
          mirrored |= 0x80 >> bit;
        }
      }
      key[i] = (byte) mirrored;
    }
    try {
      Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
      des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
      return des.doFinal(challenge);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
