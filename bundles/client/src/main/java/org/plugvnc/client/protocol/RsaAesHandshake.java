package org.plugvnc.client.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/**
 * RSA-AES (rfbproto "RSA-AES Security Type" and its RA2ne, RA2_256, RA2ne_256 variants): the
 * public keys both ways, the random numbers under RSA, the session keys, the server's and the
 * client's hash, the subtype and the credentials in AES-EAX records. RA2 and RA2_256 leave the
 * record layer on the connection; the "ne" types go back to the plain stream for SecurityResult.
 */
final class RsaAesHandshake {

  private static final SecureRandom RNG = new SecureRandom();

  private RsaAesHandshake() {
  }

  static SecurityDetails run(Wire wire, HandshakeOptions options, int type,
      List<Integer> offered) throws IOException {
    boolean sha256 = type == RfbNumbers.SECURITY_RA2_256 || type == RfbNumbers.SECURITY_RA2NE_256;
    boolean encryptSession = type == RfbNumbers.SECURITY_RA2 || type == RfbNumbers.SECURITY_RA2_256;
    SecurityOptions security = options.security();
    RfbInput in = wire.in();

    RsaServerKey serverKey = RsaKeys.read(in);
    if (security.serverKeyCheck() != null && !security.serverKeyCheck().test(serverKey)) {
      throw new RfbSecurityException(Failure.SERVER_NOT_TRUSTED,
          "RSA-AES server key " + serverKey.fingerprint() + " is not trusted", offered,
          null);
    }
    AsymmetricCipherKeyPair clientPair = RsaKeys.generate(security.rsaKeyBits(), RNG);
    RSAKeyParameters clientPublic = (RSAKeyParameters) clientPair.getPublic();
    byte[] clientKey = RsaKeys.encode(security.rsaKeyBits(), clientPublic.getModulus(),
        clientPublic.getExponent());
    wire.send(clientKey);

    int length = in.readU16();
    if (length == 0) {
      refusedInClear(in, options, offered);
    }
    int expected = (security.rsaKeyBits() + 7) / 8;
    if (length != expected) {
      throw new RfbProtocolException("RSA-AES encrypted random of " + length
          + " bytes, expected " + expected);
    }
    // The randoms are as long as the session keys: 16 bytes for RA2/RA2ne (rfbproto), 32 for the
    // _256 types, which rfbproto leaves open and TigerVNC, which defined them, sends.
    int randomLength = sha256 ? 32 : 16;
    byte[] serverRandom = RsaKeys.decrypt(clientPair, in.readBytes(length));
    if (serverRandom.length != randomLength) {
      throw new RfbProtocolException("RSA-AES server random of " + serverRandom.length
          + " bytes, expected " + randomLength);
    }
    byte[] clientRandom = new byte[randomLength];
    RNG.nextBytes(clientRandom);
    byte[] encrypted = RsaKeys.encrypt(serverKey, clientRandom, RNG);
    wire.send(concat(new byte[] {(byte) (encrypted.length >>> 8), (byte) encrypted.length},
        encrypted));

    String hash = sha256 ? "SHA-256" : "SHA-1";
    int keyLength = sha256 ? 32 : 16;
    EaxRecordCipher toServer = new EaxRecordCipher(
        Arrays.copyOf(digest(hash, serverRandom, clientRandom), keyLength));
    EaxRecordCipher fromServer = new EaxRecordCipher(
        Arrays.copyOf(digest(hash, clientRandom, serverRandom), keyLength));
    EaxInputStream records = new EaxInputStream(in.asInputStream(), fromServer);
    EaxOutputStream sealed = new EaxOutputStream(wire.out(), toServer);

    byte[] serverHash = readFully(records, sha256 ? 32 : 20);
    if (!MessageDigest.isEqual(serverHash, digest(hash, serverKey.wire(), clientKey))) {
      throw new RfbSecurityException(Failure.SERVER_NOT_TRUSTED,
          "RSA-AES server hash does not match the keys exchanged", offered, null);
    }
    sealed.write(digest(hash, clientKey, serverKey.wire()));
    sealed.flush();

    int subtype = readFully(records, 1)[0] & 0xFF;
    if (subtype != RfbNumbers.RA2_SUBTYPE_USER_PASSWORD && subtype != RfbNumbers.RA2_SUBTYPE_PASSWORD) {
      throw new RfbProtocolException("RSA-AES subtype " + subtype + " is neither 1 nor 2");
    }
    byte[] credentials = credentials(subtype == RfbNumbers.RA2_SUBTYPE_USER_PASSWORD
        ? security.username() : null, options.password());
    sealed.write(credentials);
    sealed.flush();
    Arrays.fill(credentials, (byte) 0);

    if (encryptSession) {
      wire.layer(new RfbInput(records, in.bytesRead()), sealed);
    }
    return new SecurityDetails(subtype, null, null, serverKey.fingerprint());
  }

  /**
   * No encrypted random is empty: a length of 0 is the start of a failed SecurityResult (U32 1,
   * then in 3.8 the reason), which a server sends in clear when it refuses the viewer's key.
   */
  private static void refusedInClear(RfbInput in, HandshakeOptions options, List<Integer> offered)
      throws IOException {
    int status = in.readU16();
    String reason = null;
    if (status != RfbNumbers.SECURITY_RESULT_OK) {
      try {
        reason = in.readString(options.limits().maxReasonLength(), "reason-string",
            StandardCharsets.ISO_8859_1);
      } catch (java.io.EOFException closedWithoutReason) {
        // 3.7 sends no reason
      }
    }
    throw new RfbSecurityException(Failure.AUTHENTICATION_FAILED, reason, status, offered);
  }

  /**
   * The credentials' plaintext: U8 username length, username, U8 password length, password,
   * UTF-8 (the username is empty for subtype 2).
   *
   * @throws IllegalArgumentException if either is longer than 255 bytes
   */
  static byte[] credentials(String username, String password) {
    byte[] user = username == null ? new byte[0] : username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    if (user.length > 255 || pass.length > 255) {
      throw new IllegalArgumentException("RSA-AES usernames and passwords hold at most 255 bytes");
    }
    byte[] out = new byte[2 + user.length + pass.length];
    out[0] = (byte) user.length;
    System.arraycopy(user, 0, out, 1, user.length);
    out[1 + user.length] = (byte) pass.length;
    System.arraycopy(pass, 0, out, 2 + user.length, pass.length);
    Arrays.fill(pass, (byte) 0);
    return out;
  }

  static byte[] digest(String algorithm, byte[] first, byte[] second) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      md.update(first);
      return md.digest(second);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static byte[] readFully(EaxInputStream records, int n) throws IOException {
    byte[] b = new byte[n];
    int done = 0;
    while (done < n) {
      int r = records.read(b, done, n - done);
      if (r < 0) {
        throw new java.io.EOFException("stream ended in the RSA-AES handshake");
      }
      done += r;
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
