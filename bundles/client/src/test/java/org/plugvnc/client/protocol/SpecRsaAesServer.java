package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
 * The server side of RSA-AES from rfbproto, with the JDK's RSA: keys both ways, the randoms,
 * the hashes, the subtype, the credentials. What the client sent is kept for assertions.
 */
final class SpecRsaAesServer {

  final KeyPair keys;
  final int bits;
  final boolean sha256;
  byte[] serverWire;
  int clientBits;
  byte[] clientWire;
  String username;
  String password;
  SpecRecords toClient;
  SpecRecords fromClient;
  /** Set to corrupt the server hash (a man in the middle's view). */
  boolean wrongHash;

  SpecRsaAesServer(int bits, boolean sha256) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    this.keys = g.generateKeyPair();
    this.bits = bits;
    this.sha256 = sha256;
  }

  static byte[] fixed(BigInteger v, int n) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(raw.length, n);
    System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
    return out;
  }

  byte[] hash(byte[] a, byte[] b) throws Exception {
    MessageDigest md = MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1");
    md.update(a);
    return md.digest(b);
  }

  /** Runs the exchange up to and including the credentials; returns false if the client left. */
  boolean handshake(ServerWire w, int subtype) throws Exception {
    RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
    int n = (bits + 7) / 8;
    serverWire = ByteBuffer.allocate(4 + 2 * n).putInt(bits).put(fixed(pub.getModulus(), n))
        .put(fixed(pub.getPublicExponent(), n)).array();
    w.out.write(serverWire);
    w.out.flush();

    DataInputStream in = w.in;
    clientBits = in.readInt();
    int cn = (clientBits + 7) / 8;
    byte[] modulus = in.readNBytes(cn);
    byte[] exponent = in.readNBytes(cn);
    if (exponent.length < cn) {
      return false;
    }
    clientWire = ByteBuffer.allocate(4 + 2 * cn).putInt(clientBits).put(modulus).put(exponent)
        .array();
    PublicKey clientKey = KeyFactory.getInstance("RSA").generatePublic(
        new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, exponent)));

    byte[] serverRandom = new byte[sha256 ? 32 : 16]; // as long as the session keys (TigerVNC)
    new SecureRandom().nextBytes(serverRandom);
    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(Cipher.ENCRYPT_MODE, clientKey);
    byte[] encrypted = rsa.doFinal(serverRandom);
    w.out.writeShort(encrypted.length);
    w.out.write(encrypted);
    w.out.flush();

    int len = in.readUnsignedShort();
    rsa.init(Cipher.DECRYPT_MODE, keys.getPrivate());
    byte[] clientRandom = rsa.doFinal(in.readNBytes(len));
    if (clientRandom.length != serverRandom.length) {
      throw new IllegalStateException("client random of " + clientRandom.length + " bytes");
    }

    int keyLength = sha256 ? 32 : 16;
    fromClient = new SpecRecords(Arrays.copyOf(hash(serverRandom, clientRandom), keyLength));
    toClient = new SpecRecords(Arrays.copyOf(hash(clientRandom, serverRandom), keyLength));

    byte[] serverHash = hash(serverWire, clientWire);
    if (wrongHash) {
      serverHash[0] ^= 1;
    }
    toClient.send(w.out, serverHash);
    byte[] clientHash;
    try {
      clientHash = fromClient.receive(in);
    } catch (java.io.IOException clientLeft) {
      return false;
    }
    assertArrayEquals(hash(clientWire, serverWire), clientHash);
    toClient.send(w.out, new byte[] {(byte) subtype});

    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    plain.write(fromClient.receive(in));
    byte[] c = plain.toByteArray();
    int ulen = c[0] & 0xFF;
    username = new String(c, 1, ulen, StandardCharsets.UTF_8);
    int plen = c[1 + ulen] & 0xFF;
    password = new String(c, 2 + ulen, plen, StandardCharsets.UTF_8);
    return true;
  }
}
