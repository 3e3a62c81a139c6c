package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class VncAuthenticationTest {

  /**
   * The response computed independently: key bytes bit-reversed by an explicit bit loop, each
   * 8-byte block encrypted separately.
   */
  static byte[] independentResponse(byte[] challenge, String password) throws Exception {
    byte[] key = new byte[8];
    for (int i = 0; i < Math.min(8, password.length()); i++) {
      int c = password.charAt(i);
      int reversed = 0;
      for (int bit = 0; bit < 8; bit++) {
        if ((c & (1 << bit)) != 0) {
          reversed |= 0x80 >> bit;
        }
      }
      key[i] = (byte) reversed;
    }
    return desBlocks(key, challenge);
  }

  private static byte[] desBlocks(byte[] key, byte[] challenge) throws Exception {
    Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
    des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
    byte[] out = new byte[16];
    System.arraycopy(des.doFinal(Arrays.copyOfRange(challenge, 0, 8)), 0, out, 0, 8);
    System.arraycopy(des.doFinal(Arrays.copyOfRange(challenge, 8, 16)), 0, out, 8, 8);
    return out;
  }

  private static byte[] challenge() {
    byte[] c = new byte[16];
    for (int i = 0; i < 16; i++) {
      c[i] = (byte) (0xF0 - 7 * i);
    }
    return c;
  }

  @Test
  void matchesHandReversedKeyForPassword() throws Exception {
    // "password" = 70 61 73 73 77 6f 72 64; each byte with its bits reversed:
    byte[] key = {0x0E, (byte) 0x86, (byte) 0xCE, (byte) 0xCE, (byte) 0xEE, (byte) 0xF6, 0x4E, 0x26};
    assertArrayEquals(desBlocks(key, challenge()), VncAuthentication.response(challenge(), "password"));
  }

  @Test
  void matchesIndependentComputation() throws Exception {
    assertArrayEquals(independentResponse(challenge(), "s3cr"), VncAuthentication.response(challenge(), "s3cr"));
  }

  @Test
  void onlyTheFirstEightCharactersCount() {
    assertArrayEquals(VncAuthentication.response(challenge(), "12345678"),
        VncAuthentication.response(challenge(), "12345678-ignored"));
    assertFalse(Arrays.equals(VncAuthentication.response(challenge(), "1234567"),
        VncAuthentication.response(challenge(), "12345678")));
  }

  @Test
  void shortPasswordIsZeroPadded() throws Exception {
    byte[] key = {(byte) 0x86, 0, 0, 0, 0, 0, 0, 0}; // "a" = 0x61 reversed
    assertArrayEquals(desBlocks(key, challenge()), VncAuthentication.response(challenge(), "a"));
  }

  @Test
  void challengeMustBe16Bytes() {
    assertThrows(IllegalArgumentException.class, () -> VncAuthentication.response(new byte[8], "x"));
  }
}
