package org.plugvnc.security.rsaaes.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.EAXBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.plugvnc.api.security.RecordLayer;

/**
 * RSA-AES's encrypted stream (rfbproto.rst, "RSA-AES Security Type"): each record is a U16
 * big-endian length, that many bytes of AES-EAX ciphertext and a 16-byte MAC. The two header bytes
 * are the associated data; the nonce is a 16-byte little-endian message index counting from zero,
 * one counter per direction. Records are a layer under RFB: one need not hold one RFB message.
 *
 * <p>Outgoing records carry at most {@link #MAX_PLAINTEXT} bytes, below the U16 bound of the spec
 * and the size TigerVNC's own streams use; incoming ones may have any length the U16 allows. One
 * object per connection; not thread-safe (the engine calls it on the connection's I/O thread).
 */
final class EaxRecordLayer implements RecordLayer {

  /** The most plaintext bytes this side puts in one record. */
  static final int MAX_PLAINTEXT = 8192;
  static final int HEADER = 2;
  static final int MAC = 16;
  /** The U16 header's bound. */
  static final int MAX_MESSAGE = 0xFFFF;

  private final KeyParameter receiveKey;
  private final KeyParameter sendKey;
  private final byte[] receiveNonce = new byte[16];
  private final byte[] sendNonce = new byte[16];

  /**
   * @param receiveKey the key of the viewer's direction (ClientSessionKey)
   * @param sendKey the key of the server's direction (ServerSessionKey)
   */
  EaxRecordLayer(byte[] receiveKey, byte[] sendKey) {
    this.receiveKey = new KeyParameter(receiveKey.clone());
    this.sendKey = new KeyParameter(sendKey.clone());
  }

  @Override
  public int maxPlaintextLength() {
    return MAX_PLAINTEXT;
  }

  @Override
  public int maxRecordLength() {
    return HEADER + MAX_MESSAGE + MAC;
  }

  @Override
  public int sealedLength(int plaintextLength) {
    return HEADER + plaintextLength + MAC;
  }

  @Override
  public void seal(ByteBuffer plaintext, ByteBuffer record) {
    int n = plaintext.remaining();
    if (n > MAX_MESSAGE) {
      throw new IllegalArgumentException(n + " bytes do not fit one record");
    }
    byte[] header = {(byte) (n >> 8), (byte) n};
    byte[] in = new byte[n];
    plaintext.get(in);
    try {
      record.put(header).put(eax(true, sendKey, sendNonce, header, in));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("sealing cannot fail", e);
    }
    increment(sendNonce);
  }

  @Override
  public int recordLength(ByteBuffer in) {
    if (in.remaining() < HEADER) {
      return -1;
    }
    int n = ((in.get(in.position()) & 0xFF) << 8) | (in.get(in.position() + 1) & 0xFF);
    return HEADER + n + MAC;
  }

  @Override
  public void open(ByteBuffer record, ByteBuffer plaintext) throws GeneralSecurityException {
    byte[] header = new byte[HEADER];
    record.get(header);
    byte[] body = new byte[record.remaining()];
    record.get(body);
    try {
      plaintext.put(eax(false, receiveKey, receiveNonce, header, body));
    } catch (InvalidCipherTextException e) {
      throw new GeneralSecurityException("the record's MAC is wrong (message "
          + Long.toUnsignedString(index(receiveNonce)) + " from the viewer)");
    }
    increment(receiveNonce);
  }

  /**
   * AES-EAX with a 16-byte tag: {@code in} sealed (ciphertext then tag) or opened (the plaintext).
   *
   * @throws InvalidCipherTextException if opening finds the tag wrong
   */
  static byte[] eax(boolean seal, KeyParameter key, byte[] nonce, byte[] aad, byte[] in)
      throws InvalidCipherTextException {
    EAXBlockCipher eax = new EAXBlockCipher(AESEngine.newInstance());
    eax.init(seal, new AEADParameters(key, MAC * 8, nonce.clone(), aad));
    byte[] out = new byte[eax.getOutputSize(in.length)];
    int len = eax.processBytes(in, 0, in.length, out, 0);
    len += eax.doFinal(out, len);
    return len == out.length ? out : java.util.Arrays.copyOf(out, len);
  }

  /** Adds one to a 16-byte little-endian counter. */
  static void increment(byte[] counter) {
    for (int i = 0; i < counter.length; i++) {
      if (++counter[i] != 0) {
        return;
      }
    }
  }

  private static long index(byte[] counter) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (counter[i] & 0xFF);
    }
    return v;
  }
}
