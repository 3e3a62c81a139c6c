package org.plugvnc.security.rsaaes.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/**
 * The server's RSA key as RSA-AES uses it: the private key for opening the viewer's random number,
 * and the public key in its wire form (a U32 bit length, then modulus and public exponent, each a
 * big-endian unsigned integer of ceil(bits / 8) bytes), which is both what the server sends and
 * what the key hashes cover. Immutable; shared by all handshakes.
 */
final class ServerRsaKey {

  private final RSAPrivateCrtKeyParameters privateKey;
  private final int bits;
  private final byte[] wire;

  ServerRsaKey(RSAPrivateCrtKey key) {
    this.privateKey = new RSAPrivateCrtKeyParameters(key.getModulus(), key.getPublicExponent(),
        key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
        key.getPrimeExponentQ(), key.getCrtCoefficient());
    this.bits = key.getModulus().bitLength();
    this.wire = wireForm(bits, key.getModulus(), key.getPublicExponent());
  }

  /** The modulus length in bits. */
  int bits() {
    return bits;
  }

  /** ceil(bits / 8): the length of the modulus, the exponent and the viewer's encrypted random. */
  int size() {
    return (bits + 7) / 8;
  }

  /** The public key as sent (a copy). */
  byte[] wire() {
    return wire.clone();
  }

  RSAPrivateCrtKeyParameters privateKey() {
    return privateKey;
  }

  /** SHA-256 of the public key's wire form, as colon-separated hex, for the operator to compare. */
  String fingerprint() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(wire);
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The wire form of a public key of {@code bits} bits. */
  static byte[] wireForm(int bits, BigInteger modulus, BigInteger exponent) {
    int size = (bits + 7) / 8;
    byte[] out = new byte[4 + 2 * size];
    out[0] = (byte) (bits >>> 24);
    out[1] = (byte) (bits >>> 16);
    out[2] = (byte) (bits >>> 8);
    out[3] = (byte) bits;
    unsigned(modulus, out, 4, size);
    unsigned(exponent, out, 4 + size, size);
    return out;
  }

  /** {@code v} as {@code size} big-endian unsigned bytes at {@code off}. */
  static void unsigned(BigInteger v, byte[] out, int off, int size) {
    byte[] b = v.toByteArray();
    int skip = b.length > size ? b.length - size : 0; // the sign byte
    if (b.length - skip > size) {
      throw new IllegalArgumentException("a number of " + v.bitLength() + " bits in " + size + " bytes");
    }
    System.arraycopy(b, skip, out, off + size - (b.length - skip), b.length - skip);
  }

  /** Thrown for a key file that cannot serve. */
  static final class KeyFileException extends IOException {
    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
      super(message);
    }
  }
}
