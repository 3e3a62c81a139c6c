package org.plugvnc.security.rsaaes.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.plugvnc.api.protocol.Rfb;

/**
 * The four RSA-AES security types of the community RFB spec (rfbproto.rst, "RSA-AES Security
 * Type" and the sections after it): whether the connection stays encrypted after the handshake,
 * and which hash derives the session keys and the key hashes. The numbers are the API's {@link Rfb}
 * constants.
 */
enum RsaAesVariant {
  /** RA2 (5): AES-128-EAX, SHA-1; everything after the key exchange encrypted. */
  RA2(Rfb.SECURITY_RA2, "RA2", true, false),
  /** RA2ne (6): as RA2, but SecurityResult and everything after it in clear. */
  RA2NE(Rfb.SECURITY_RA2NE, "RA2ne", false, false),
  /** RA2_256 (129): AES-256-EAX, SHA-256; everything after the key exchange encrypted. */
  RA2_256(Rfb.SECURITY_RA2_256, "RA2_256", true, true),
  /** RA2ne_256 (130): as RA2_256, but SecurityResult and everything after it in clear. */
  RA2NE_256(Rfb.SECURITY_RA2NE_256, "RA2ne_256", false, true);

  final int type;
  final String label;
  /** False for the "ne" types: only the handshake is encrypted. */
  final boolean allEncrypted;
  private final boolean wide;

  RsaAesVariant(int type, String label, boolean allEncrypted, boolean wide) {
    this.type = type;
    this.label = label;
    this.allEncrypted = allEncrypted;
    this.wide = wide;
  }

  /**
   * Bytes of each side's random number: 16 for the 128-bit types as the spec says; 32 for the
   * _256 types, as TigerVNC (which defined them) sends, since SHA-256 of two 16-byte numbers would
   * give the AES-256 key only 256 bits of hash over 256 bits of secret either way, and a different
   * length would not interoperate.
   */
  int randomLength() {
    return wide ? 32 : 16;
  }

  /** Bytes of the AES key: 16 (the first 16 of the SHA-1) or 32 (the whole SHA-256). */
  int keyLength() {
    return wide ? 32 : 16;
  }

  /** Bytes of the key hashes the two sides exchange. */
  int hashLength() {
    return wide ? 32 : 20;
  }

  /** A fresh digest of this type's hash. */
  MessageDigest digest() {
    try {
      return MessageDigest.getInstance(wide ? "SHA-256" : "SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1 and SHA-256", e);
    }
  }

  /** The variant with RFB number {@code type}, or null. */
  static RsaAesVariant of(int type) {
    for (RsaAesVariant v : values()) {
      if (v.type == type) {
        return v;
      }
    }
    return null;
  }
}
