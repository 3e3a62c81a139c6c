package org.plugvnc.itest;

import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes password files in the format of {@code vncpasswd -f}: each password's first 8 bytes,
 * zero-padded, DES-encrypted with the fixed key all VNC implementations use, whose bytes are, as
 * for every RFB DES key, taken with their bit order reversed.
 */
final class VncPasswordFiles {

  private static final byte[] FIXED_KEY = {23, 82, 107, 6, 35, 78, 88, 7};

  private VncPasswordFiles() {}

  static byte[] encode(String full, String viewOnly) throws Exception {
    byte[] out = new byte[16];
    System.arraycopy(encrypt(full), 0, out, 0, 8);
    System.arraycopy(encrypt(viewOnly), 0, out, 8, 8);
    return out;
  }

  private static byte[] encrypt(String password) throws Exception {
    byte[] block = new byte[8];
    byte[] p = password.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(p, 0, block, 0, Math.min(8, p.length));
    byte[] key = new byte[8];
    for (int i = 0; i < 8; i++) {
      key[i] = (byte) (Integer.reverse(FIXED_KEY[i] & 0xFF) >>> 24);
    }
    Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
    des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
    return des.doFinal(block);
  }
}
