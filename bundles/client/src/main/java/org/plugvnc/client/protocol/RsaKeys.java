package org.plugvnc.client.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.plugvnc.client.RfbProtocolException;

/**
 * RSA for RSA-AES: the public key's wire form (U32 key length in bits, then modulus and public
 * exponent as big-endian unsigned integers of ceil(length / 8) bytes each), key generation of
 * any size, and EME-PKCS1-v1_5 encryption of the 16-byte random numbers. BouncyCastle's
 * lightweight API, so that odd and small sizes work for tests and no provider is installed.
 */
final class RsaKeys {

  /** Smallest server key this client accepts, in bits. */
  static final int MIN_SERVER_KEY_BITS = 1024;
  /** Largest server key this client accepts, in bits (bounds the allocation). */
  static final int MAX_SERVER_KEY_BITS = 8192;

  private RsaKeys() {
  }

  /**
   * A fresh key pair whose modulus has exactly {@code bits} bits, public exponent 65537. Made
   * here from two probable primes because BouncyCastle's generator gives up on odd sizes, which
   * tests need (a server must refuse or accept them by its own bounds).
   *
   * @throws IllegalArgumentException if {@code bits} is below 32
   */
  static AsymmetricCipherKeyPair generate(int bits, SecureRandom random) {
    if (bits < 32) {
      throw new IllegalArgumentException("an RSA key needs at least 32 bits: " + bits);
    }
    BigInteger e = BigInteger.valueOf(65537);
    while (true) {
      BigInteger p = BigInteger.probablePrime((bits + 1) / 2, random);
      BigInteger q = BigInteger.probablePrime(bits / 2, random);
      BigInteger n = p.multiply(q);
      BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
      if (p.equals(q) || n.bitLength() != bits || !phi.gcd(e).equals(BigInteger.ONE)) {
        continue;
      }
      BigInteger d = e.modInverse(phi);
      return new AsymmetricCipherKeyPair(new RSAKeyParameters(false, n, e),
          new RSAPrivateCrtKeyParameters(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
              d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)));
    }
  }

  /** @return the wire form of a public key of {@code bits} bits */
  static byte[] encode(int bits, BigInteger modulus, BigInteger exponent) {
    int n = (bits + 7) / 8;
    return ByteBuffer.allocate(4 + 2 * n).putInt(bits).put(unsigned(modulus, n))
        .put(unsigned(exponent, n)).array();
  }

  /**
   * Reads a server's public key, refusing lengths outside 1024..8192 bits before allocating.
   *
   * @throws RfbProtocolException for a length out of bounds or a key that is no RSA key
   */
  static RsaServerKey read(RfbInput in) throws IOException {
    long bits = in.readU32();
    if (bits < MIN_SERVER_KEY_BITS || bits > MAX_SERVER_KEY_BITS) {
      throw new RfbProtocolException("RSA-AES server-key-length " + bits + " is outside "
          + MIN_SERVER_KEY_BITS + ".." + MAX_SERVER_KEY_BITS + " bits");
    }
    int n = (int) (bits + 7) / 8;
    byte[] modulusBytes = in.readBytes(n);
    byte[] exponentBytes = in.readBytes(n);
    BigInteger modulus = new BigInteger(1, modulusBytes);
    BigInteger exponent = new BigInteger(1, exponentBytes);
    if (modulus.bitLength() > bits || !modulus.testBit(0) || exponent.signum() == 0
        || exponent.compareTo(modulus) >= 0) {
      throw new RfbProtocolException("RSA-AES server key is not a " + bits + "-bit RSA key");
    }
    byte[] wire = ByteBuffer.allocate(4 + 2 * n).putInt((int) bits).put(modulusBytes)
        .put(exponentBytes).array();
    return new RsaServerKey((int) bits, modulus, exponent, wire);
  }

  /** @return {@code random} encrypted under the server's key, ceil(bits / 8) bytes */
  static byte[] encrypt(RsaServerKey key, byte[] random, SecureRandom rng)
      throws RfbProtocolException {
    AsymmetricBlockCipher rsa = new PKCS1Encoding(new RSABlindedEngine());
    rsa.init(true, new ParametersWithRandom(
        new RSAKeyParameters(false, key.modulus(), key.publicExponent()), rng));
    try {
      return unsigned(new BigInteger(1, rsa.processBlock(random, 0, random.length)),
          (key.bits() + 7) / 8);
    } catch (InvalidCipherTextException | IllegalArgumentException e) {
      throw new RfbProtocolException("cannot encrypt under the server's RSA key: " + e.getMessage());
    }
  }

  /** @return the plaintext of {@code encrypted} under the client's private key */
  static byte[] decrypt(AsymmetricCipherKeyPair client, byte[] encrypted)
      throws RfbProtocolException {
    AsymmetricBlockCipher rsa = new PKCS1Encoding(new RSABlindedEngine());
    rsa.init(false, client.getPrivate());
    try {
      return rsa.processBlock(encrypted, 0, encrypted.length);
    } catch (InvalidCipherTextException | IllegalArgumentException e) {
      throw new RfbProtocolException("server's encrypted random does not decrypt: "
          + e.getMessage());
    }
  }

  /** @return {@code v} as exactly {@code n} big-endian bytes (left-padded with zeros) */
  static byte[] unsigned(BigInteger v, int n) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(raw.length, n);
    System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
    return out;
  }
}
