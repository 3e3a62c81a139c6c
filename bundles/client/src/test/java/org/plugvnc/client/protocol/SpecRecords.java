package org.plugvnc.client.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.EAXBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The scripted server's RSA-AES records, written from the spec independently of the client's
 * record classes: U16 length (also the associated data), AES-EAX ciphertext, 16-byte MAC, the
 * nonce a 16-byte little-endian message index from zero.
 */
final class SpecRecords {

  private final byte[] key;
  private long index;

  SpecRecords(byte[] key) {
    this.key = key.clone();
  }

  /** @return the nonce of message {@code i}: its index, least significant byte first */
  static byte[] nonce(long i) {
    byte[] n = new byte[16];
    for (int b = 0; b < 8; b++) {
      n[b] = (byte) (i >>> (8 * b));
    }
    return n;
  }

  static byte[] eax(boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] in)
      throws InvalidCipherTextException {
    EAXBlockCipher eax = new EAXBlockCipher(AESEngine.newInstance());
    eax.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, ad));
    byte[] out = new byte[eax.getOutputSize(in.length)];
    int n = eax.processBytes(in, 0, in.length, out, 0);
    eax.doFinal(out, n);
    return out;
  }

  void send(DataOutputStream out, byte[] plain) throws Exception {
    byte[] header = {(byte) (plain.length >>> 8), (byte) plain.length};
    out.write(header);
    out.write(eax(true, key, nonce(index++), header, plain));
    out.flush();
  }

  byte[] receive(DataInputStream in) throws IOException, InvalidCipherTextException {
    byte[] header = in.readNBytes(2);
    if (header.length < 2) {
      throw new java.io.EOFException("the client closed the connection");
    }
    int len = (header[0] & 0xFF) << 8 | header[1] & 0xFF;
    return eax(false, key, nonce(index++), header, in.readNBytes(len + 16));
  }
}
