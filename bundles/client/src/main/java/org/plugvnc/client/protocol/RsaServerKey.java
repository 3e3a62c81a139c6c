package org.plugvnc.client.protocol;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;

/**
 * The RSA public key an RSA-AES server sent, for a caller's trust decision.
 *
 * @param bits the server-key-length field
 * @param modulus the modulus
 * @param publicExponent the public exponent
 * @param wire the key as it was on the wire: U32 length, modulus, exponent (the
 *        {@code ServerPublicKey} the spec's hashes cover)
 */
public record RsaServerKey(int bits, BigInteger modulus, BigInteger publicExponent, byte[] wire) {

  /** @return SHA-256 of {@link #wire()}, lower-case hex: what a pin is compared with first */
  public String fingerprint() {
    return sha256Hex(wire);
  }

  /**
   * @return SHA-256 of the key's DER SubjectPublicKeyInfo (the form of a PEM public key file),
   *         lower-case hex, or null if the JDK refuses the key
   */
  public String spkiFingerprint() {
    try {
      byte[] der = KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(modulus, publicExponent)).getEncoded();
      return sha256Hex(der);
    } catch (GeneralSecurityException | IllegalArgumentException refused) {
      return null;
    }
  }

  /**
   * @param pin a SHA-256 fingerprint in hex, colons and spaces ignored, any case
   * @return whether the pin names this key, as {@link #fingerprint()} or
   *         {@link #spkiFingerprint()}
   */
  public boolean matches(String pin) {
    String p = normalise(pin);
    return p.equals(fingerprint()) || p.equals(spkiFingerprint());
  }

  /** @return {@code fingerprint} without colons and spaces, lower case */
  public static String normalise(String fingerprint) {
    return fingerprint.replace(":", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "RsaServerKey[" + bits + " bits, " + fingerprint() + "]";
  }
}
