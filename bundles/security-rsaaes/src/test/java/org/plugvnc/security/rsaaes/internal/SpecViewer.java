package org.plugvnc.security.rsaaes.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * A viewer's side of RSA-AES, written for the tests from rfbproto.rst with the JDK's RSA and hashes
 * and the tests' own {@link PaperEax}; it shares no code with the server. Each method takes what
 * the server sent and returns what the viewer sends next.
 */
final class SpecViewer {

  private final boolean wide;
  private final boolean allEncrypted;
  private final SecureRandom random = new SecureRandom();
  private final KeyPair keys;
  private byte[] serverKeyWire;
  private byte[] clientKeyWire;
  private PublicKey serverKey;
  private int serverSize;
  private byte[] clientRandom;
  private byte[] sendKey;
  private byte[] receiveKey;
  private final byte[] sendNonce = new byte[16];
  private final byte[] receiveNonce = new byte[16];
  /** Set to make the viewer send a wrong hash. */
  boolean wrongHash;

  SpecViewer(int type, KeyPair keys) {
    this.wide = type == 129 || type == 130;
    this.allEncrypted = type == 5 || type == 129;
    this.keys = keys;
  }

  static KeyPair newKeys(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  /** Reads ServerPublicKey, returns ClientPublicKey. */
  byte[] clientKey(byte[] sent) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(sent);
    int bits = in.getInt();
    serverSize = (bits + 7) / 8;
    if (sent.length != 4 + 2 * serverSize) {
      throw new AssertionError("server key message of " + sent.length + " bytes for " + bits + " bits");
    }
    byte[] n = new byte[serverSize];
    byte[] e = new byte[serverSize];
    in.get(n).get(e);
    serverKeyWire = sent.clone();
    serverKey = KeyFactory.getInstance("RSA").generatePublic(
        new RSAPublicKeySpec(new BigInteger(1, n), new BigInteger(1, e)));
    RSAPublicKey mine = (RSAPublicKey) keys.getPublic();
    int myBits = mine.getModulus().bitLength();
    int size = (myBits + 7) / 8;
    ByteBuffer out = ByteBuffer.allocate(4 + 2 * size);
    out.putInt(myBits).put(unsigned(mine.getModulus(), size)).put(unsigned(mine.getPublicExponent(), size));
    clientKeyWire = out.array();
    return clientKeyWire;
  }

  /** Reads the server's encrypted random, returns the viewer's; derives the session keys. */
  byte[] clientRandom(byte[] sent) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(sent);
    int length = Short.toUnsignedInt(in.getShort());
    int mySize = (((RSAPublicKey) keys.getPublic()).getModulus().bitLength() + 7) / 8;
    if (length != mySize || sent.length != 2 + length) {
      throw new AssertionError("encrypted random of " + length + " bytes, expected " + mySize);
    }
    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(Cipher.DECRYPT_MODE, keys.getPrivate());
    byte[] serverRandom = rsa.doFinal(sent, 2, length);
    int randomLength = wide ? 32 : 16;
    if (serverRandom.length != randomLength) {
      throw new AssertionError("server random of " + serverRandom.length + " bytes");
    }
    clientRandom = new byte[randomLength];
    random.nextBytes(clientRandom);
    rsa.init(Cipher.ENCRYPT_MODE, serverKey);
    byte[] encrypted = rsa.doFinal(clientRandom);
    sendKey = Arrays.copyOf(hash(serverRandom, clientRandom), wide ? 32 : 16); // ClientSessionKey
    receiveKey = Arrays.copyOf(hash(clientRandom, serverRandom), wide ? 32 : 16); // ServerSessionKey
    return ByteBuffer.allocate(2 + encrypted.length).putShort((short) encrypted.length).put(encrypted).array();
  }

  /** Reads the server's hash (checked), returns the viewer's. */
  byte[] clientHash(byte[] sent) throws Exception {
    byte[] serverHash = open(sent);
    if (!Arrays.equals(serverHash, hash(serverKeyWire, clientKeyWire))) {
      throw new AssertionError("the server's hash is wrong");
    }
    byte[] mine = hash(clientKeyWire, serverKeyWire);
    if (wrongHash) {
      mine[0] ^= 1;
    }
    return seal(mine);
  }

  /** The subtype the server asks for, from its record. */
  int subtype(byte[] sent) throws Exception {
    byte[] b = open(sent);
    if (b.length != 1) {
      throw new AssertionError("subtype record of " + b.length + " bytes");
    }
    return b[0];
  }

  /** The credentials message, sealed. */
  byte[] credentials(String user, String password) {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(2 + u.length + p.length);
    b.put((byte) u.length).put(u).put((byte) p.length).put(p);
    return seal(b.array());
  }

  /** Something sealed in the viewer's direction (a ClientInit, say). */
  byte[] seal(byte[] plain) {
    byte[] header = {(byte) (plain.length >> 8), (byte) plain.length};
    byte[] out = concat(header, PaperEax.seal(sendKey, sendNonce, header, plain));
    next(sendNonce);
    return out;
  }

  /** SecurityResult: 0 for OK, else the reason; sealed for RA2 and RA2_256, clear for the ne types. */
  String securityResult(byte[] sent) throws Exception {
    byte[] b = allEncrypted ? open(sent) : sent;
    ByteBuffer in = ByteBuffer.wrap(b);
    int status = in.getInt();
    if (status == 0) {
      return in.hasRemaining() ? "extra bytes after OK" : "OK";
    }
    byte[] reason = new byte[in.getInt()];
    in.get(reason);
    return new String(reason, StandardCharsets.UTF_8);
  }

  /** Opens every record in {@code sent} and joins their plaintexts. */
  byte[] open(byte[] sent) {
    ByteBuffer in = ByteBuffer.wrap(sent);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (in.hasRemaining()) {
      int n = Short.toUnsignedInt(in.getShort());
      byte[] header = {(byte) (n >> 8), (byte) n};
      byte[] body = new byte[n + 16];
      in.get(body);
      byte[] plain = PaperEax.open(receiveKey, receiveNonce, header, body);
      if (plain == null) {
        throw new AssertionError("a server record does not open");
      }
      next(receiveNonce);
      out.writeBytes(plain);
    }
    return out.toByteArray();
  }

  private byte[] hash(byte[] a, byte[] b) throws Exception {
    MessageDigest d = MessageDigest.getInstance(wide ? "SHA-256" : "SHA-1");
    d.update(a);
    d.update(b);
    return d.digest();
  }

  /** The next 16-byte little-endian message index. */
  private static void next(byte[] index) {
    for (int i = 0; i < 16 && ++index[i] == 0; i++) {
      // carry
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] unsigned(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[size];
    int n = Math.min(b.length, size);
    System.arraycopy(b, b.length - n, out, size - n, n);
    return out;
  }
}
