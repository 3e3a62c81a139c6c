package org.plugvnc.client.protocol;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.EAXBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.plugvnc.client.RfbProtocolException;

/**
 * One direction of RSA-AES's record layer (rfbproto "RSA-AES Security Type"): AES-EAX with a
 * 16-byte MAC, the record's 2-byte big-endian length as associated data, and as nonce a 16-byte
 * little-endian message index counting from zero. Not thread-safe; one per direction.
 */
final class EaxRecordCipher {

  /** Largest plaintext in one record: the length is a U16. */
  static final int MAX_RECORD = 0xFFFF;
  /** Bytes of the MAC after each record. */
  static final int MAC_LENGTH = 16;

  private final KeyParameter key;
  private final EAXBlockCipher eax = new EAXBlockCipher(AESEngine.newInstance());
  private final byte[] nonce = new byte[16];

  /** @param key 16 bytes (AES-128, RA2 and RA2ne) or 32 (AES-256, the _256 types) */
  EaxRecordCipher(byte[] key) {
    this.key = new KeyParameter(key);
  }

  /** @return header, ciphertext and MAC of one record holding {@code len} bytes of {@code b} */
  byte[] seal(byte[] b, int off, int len) {
    if (len > MAX_RECORD) {
      throw new IllegalArgumentException("record longer than 65535 bytes: " + len);
    }
    byte[] record = new byte[2 + len + MAC_LENGTH];
    record[0] = (byte) (len >>> 8);
    record[1] = (byte) len;
    eax.init(true, new AEADParameters(key, MAC_LENGTH * 8, nonce, new byte[] {record[0], record[1]}));
    int n = eax.processBytes(b, off, len, record, 2);
    try {
      eax.doFinal(record, 2 + n);
    } catch (InvalidCipherTextException cannotHappenWhenSealing) {
      throw new IllegalStateException(cannotHappenWhenSealing);
    }
    next();
    return record;
  }

  /**
   * Opens one record.
   *
   * @param record the whole record as received: header, ciphertext, MAC
   * @param length the record's length in {@code record}
   * @param plain receives the plaintext, {@code length - 18} bytes
   * @throws RfbProtocolException if the MAC does not verify
   */
  void open(byte[] record, int length, byte[] plain) throws RfbProtocolException {
    eax.init(false, new AEADParameters(key, MAC_LENGTH * 8, nonce,
        new byte[] {record[0], record[1]}));
    int n = eax.processBytes(record, 2, length - 2, plain, 0);
    try {
      eax.doFinal(plain, n);
    } catch (InvalidCipherTextException e) {
      throw new RfbProtocolException("RSA-AES record failed authentication (its MAC)");
    }
    next();
  }

  /** The message index is little-endian: the first byte counts fastest. */
  private void next() {
    for (int i = 0; i < nonce.length && ++nonce[i] == 0; i++) {
      // carry into the next byte
    }
  }
}
