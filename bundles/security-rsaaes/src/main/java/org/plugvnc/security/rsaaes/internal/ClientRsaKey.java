package org.plugvnc.security.rsaaes.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The viewer's RSA public key, read from its message (rfbproto.rst: U32 client-key-length, then
 * modulus and public exponent of ceil(length / 8) bytes each). The claimed length is checked
 * against {@link #MIN_BITS}..{@link #MAX_BITS} before a byte of the key is buffered or allocated.
 */
final class ClientRsaKey {

  static final int MIN_BITS = 1024;
  static final int MAX_BITS = 8192;

  private final RSAKeyParameters key;
  private final int size;
  private final byte[] wire;

  private ClientRsaKey(RSAKeyParameters key, int size, byte[] wire) {
    this.key = key;
    this.size = size;
    this.wire = wire;
  }

  /** Why a claimed key length is refused, or null when it is accepted. */
  static String refusal(long bits) {
    if (bits < MIN_BITS) {
      return "the viewer's RSA key of " + bits + " bits is too short (at least " + MIN_BITS + ")";
    }
    if (bits > MAX_BITS) {
      return "the viewer's RSA key of " + bits + " bits is too long (at most " + MAX_BITS + ")";
    }
    return null;
  }

  /** Bytes the whole message takes for a key of {@code bits} bits (accepted by {@link #refusal}). */
  static int messageLength(int bits) {
    return 4 + 2 * ((bits + 7) / 8);
  }

  /**
   * The key in {@code message} (exactly {@link #messageLength} bytes, its length accepted), or
   * throws with the reason it cannot serve.
   */
  static ClientRsaKey parse(ByteBuffer message) {
    byte[] wire = new byte[message.remaining()];
    message.get(wire);
    int bits = ByteBuffer.wrap(wire).getInt();
    int size = (bits + 7) / 8;
    byte[] n = new byte[size];
    byte[] e = new byte[size];
    System.arraycopy(wire, 4, n, 0, size);
    System.arraycopy(wire, 4 + size, e, 0, size);
    BigInteger modulus = new BigInteger(1, n);
    BigInteger exponent = new BigInteger(1, e);
    if ((modulus.bitLength() + 7) / 8 != size || modulus.bitLength() < MIN_BITS) {
      throw new IllegalArgumentException("the viewer's RSA modulus has " + modulus.bitLength()
          + " bits, not the " + bits + " it claims");
    }
    if (!modulus.testBit(0) || !exponent.testBit(0) || exponent.compareTo(BigInteger.ONE) <= 0
        || exponent.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException("the viewer's RSA key is not a valid public key");
    }
    return new ClientRsaKey(new RSAKeyParameters(false, modulus, exponent), size, wire);
  }

  /** ceil(bits / 8): the length of the server's encrypted random. */
  int size() {
    return size;
  }

  /** The key as the viewer sent it (not a copy; read only). */
  byte[] wire() {
    return wire;
  }

  /** {@code secret} encrypted with EME-PKCS1-v1_5, as {@link #size()} bytes. */
  byte[] encrypt(byte[] secret, SecureRandom random) {
    PKCS1Encoding rsa = new PKCS1Encoding(new RSAEngine());
    rsa.init(true, new ParametersWithRandom(key, random));
    try {
      byte[] c = rsa.processBlock(secret, 0, secret.length);
      byte[] out = new byte[size];
      System.arraycopy(c, Math.max(0, c.length - size), out, Math.max(0, size - c.length),
          Math.min(size, c.length));
      return out;
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("encrypting " + secret.length + " bytes failed", e);
    }
  }
}
