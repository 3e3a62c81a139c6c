package org.plugvnc.security.rsaaes.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * EAX for the tests, composed as the Bellare-Rogaway-Wagner paper defines it from AES, OMAC
 * (CMAC) and CTR, independently of the EAX mode class the server uses: N' = OMAC0(nonce),
 * H = OMAC1(header), C = CTR from N' over the message, tag = N' xor H xor OMAC2(C).
 */
final class PaperEax {

  private PaperEax() {}

  /** Ciphertext then the 16-byte tag. */
  static byte[] seal(byte[] key, byte[] nonce, byte[] header, byte[] message) {
    byte[] n = omac(key, 0, nonce);
    byte[] h = omac(key, 1, header);
    byte[] c = ctr(key, n, message);
    byte[] t = omac(key, 2, c);
    byte[] out = Arrays.copyOf(c, c.length + 16);
    for (int i = 0; i < 16; i++) {
      out[c.length + i] = (byte) (n[i] ^ h[i] ^ t[i]);
    }
    return out;
  }

  /** The message of {@code sealed}, or null when its tag is wrong. */
  static byte[] open(byte[] key, byte[] nonce, byte[] header, byte[] sealed) {
    byte[] c = Arrays.copyOf(sealed, sealed.length - 16);
    byte[] n = omac(key, 0, nonce);
    byte[] h = omac(key, 1, header);
    byte[] t = omac(key, 2, c);
    int diff = 0;
    for (int i = 0; i < 16; i++) {
      diff |= sealed[c.length + i] ^ n[i] ^ h[i] ^ t[i];
    }
    return diff == 0 ? ctr(key, n, c) : null;
  }

  /** OMAC^t(data): CMAC over a block of zeros ending in t, then the data. */
  private static byte[] omac(byte[] key, int t, byte[] data) {
    CMac mac = new CMac(AESEngine.newInstance());
    mac.init(new KeyParameter(key));
    byte[] block = new byte[16];
    block[15] = (byte) t;
    mac.update(block, 0, 16);
    mac.update(data, 0, data.length);
    byte[] out = new byte[16];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] ctr(byte[] key, byte[] iv, byte[] data) {
    SICBlockCipher ctr = new SICBlockCipher(AESEngine.newInstance());
    ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] out = new byte[data.length];
    ctr.processBytes(data, 0, data.length, out, 0);
    return out;
  }
}
