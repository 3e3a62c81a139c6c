package org.plugvnc.security.rsaaes.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;

/**
 * The server's side of one RSA-AES handshake (rfbproto.rst, "RSA-AES Security Type"), one state
 * per message the viewer sends:
 *
 * <ol>
 *   <li>server: its public key; viewer: its public key (length checked before anything is read);
 *   <li>server: its random number, encrypted to the viewer's key; viewer: its random number,
 *       encrypted to the server's key, of exactly ceil(server-key-length / 8) bytes;
 *   <li>both derive the session keys and the record layer goes under the connection; server: the
 *       hash of both keys; viewer: its hash, compared with the one expected;
 *   <li>server: the subtype (1 user name and password, 2 password only); viewer: its credentials,
 *       checked by {@link CredentialCheck} (off the I/O thread when a user service decides).
 * </ol>
 *
 * For the "ne" types the record layer ends right after the credentials: SecurityResult and what
 * follows are in clear. The viewer's random is opened with implicit rejection (a wrong padding
 * yields a random value, which fails at the hash), so the handshake is no padding oracle. I/O
 * thread only, as every handshake.
 */
final class RsaAesHandshake implements SecurityHandshake {

  /** The subtypes the server announces. */
  static final int SUBTYPE_USER_PASSWORD = 1;
  static final int SUBTYPE_PASSWORD = 2;

  private enum State { CLIENT_KEY, CLIENT_RANDOM, CLIENT_HASH, CREDENTIALS, CHECKING }

  private final RsaAesVariant variant;
  private final ServerRsaKey serverKey;
  private final SecureRandom random;
  private final SecurityContext context;
  private final CredentialCheck check;
  private State state = State.CLIENT_KEY;
  private ClientRsaKey clientKey;
  private byte[] serverRandom;

  RsaAesHandshake(RsaAesVariant variant, ServerRsaKey serverKey, SecureRandom random,
      SecurityContext context, CredentialCheck check) {
    this.variant = variant;
    this.serverKey = serverKey;
    this.random = random;
    this.context = context;
    this.check = check;
  }

  @Override
  public void start(RfbOutput out) {
    byte[] wire = serverKey.wire();
    out.writeBytes(wire, 0, wire.length);
  }

  @Override
  public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
    switch (state) {
      case CLIENT_KEY:
        return readClientKey(in, out);
      case CLIENT_RANDOM:
        return readClientRandom(in, out);
      case CLIENT_HASH:
        return readClientHash(in, out);
      case CREDENTIALS:
        return readCredentials(in);
      case CHECKING:
      default:
        return HandshakeResult.incomplete();
    }
  }

  private HandshakeResult readClientKey(ByteBuffer in, RfbOutput out) {
    if (in.remaining() < 4) {
      return HandshakeResult.incomplete();
    }
    long bits = Integer.toUnsignedLong(in.getInt(in.position()));
    String refusal = ClientRsaKey.refusal(bits);
    if (refusal != null) {
      return HandshakeResult.failure(refusal);
    }
    int length = ClientRsaKey.messageLength((int) bits);
    if (in.remaining() < length) {
      return HandshakeResult.incomplete();
    }
    try {
      clientKey = ClientRsaKey.parse(in.slice(in.position(), length));
    } catch (IllegalArgumentException e) {
      return HandshakeResult.failure(e.getMessage());
    }
    in.position(in.position() + length);
    serverRandom = new byte[variant.randomLength()];
    random.nextBytes(serverRandom);
    byte[] encrypted = clientKey.encrypt(serverRandom, random);
    out.writeU16(encrypted.length);
    out.writeBytes(encrypted, 0, encrypted.length);
    state = State.CLIENT_RANDOM;
    return HandshakeResult.incomplete();
  }

  private HandshakeResult readClientRandom(ByteBuffer in, RfbOutput out) {
    if (in.remaining() < 2) {
      return HandshakeResult.incomplete();
    }
    int length = Short.toUnsignedInt(in.getShort(in.position()));
    if (length != serverKey.size()) {
      return HandshakeResult.failure("the viewer's encrypted random number has " + length
          + " bytes, not the " + serverKey.size() + " of the server's key");
    }
    if (in.remaining() < 2 + length) {
      return HandshakeResult.incomplete();
    }
    in.position(in.position() + 2);
    byte[] encrypted = new byte[length];
    in.get(encrypted);
    byte[] clientRandom = openRandom(encrypted);
    byte[] clientSessionKey = sessionKey(serverRandom, clientRandom);
    byte[] serverSessionKey = sessionKey(clientRandom, serverRandom);
    Arrays.fill(clientRandom, (byte) 0);
    Arrays.fill(serverRandom, (byte) 0);
    context.startRecordLayer(new EaxRecordLayer(clientSessionKey, serverSessionKey));
    Arrays.fill(clientSessionKey, (byte) 0);
    Arrays.fill(serverSessionKey, (byte) 0);
    byte[] hash = keyHash(serverKey.wire(), clientKey.wire());
    out.writeBytes(hash, 0, hash.length);
    state = State.CLIENT_HASH;
    return HandshakeResult.incomplete();
  }

  /**
   * The viewer's random number, or (when the padding or length is wrong) a random value of the
   * right length, in constant time: the failure shows only as a wrong hash later.
   */
  private byte[] openRandom(byte[] encrypted) {
    byte[] fallback = new byte[variant.randomLength()];
    random.nextBytes(fallback);
    PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine(), fallback);
    rsa.init(false, new ParametersWithRandom(serverKey.privateKey(), random));
    try {
      return rsa.processBlock(encrypted, 0, encrypted.length);
    } catch (InvalidCipherTextException | DataLengthException e) {
      return fallback; // a number above the modulus, say: as wrong as a bad padding
    }
  }

  private HandshakeResult readClientHash(ByteBuffer in, RfbOutput out) {
    int length = variant.hashLength();
    if (in.remaining() < length) {
      return HandshakeResult.incomplete();
    }
    byte[] received = new byte[length];
    in.get(received);
    byte[] expected = keyHash(clientKey.wire(), serverKey.wire());
    if (!MessageDigest.isEqual(received, expected)) {
      return HandshakeResult.failure("the viewer's hash of the two public keys is wrong "
          + "(a man in the middle, or a viewer that does not speak " + variant.label + ")");
    }
    out.writeU8(check.subtype());
    state = State.CREDENTIALS;
    return HandshakeResult.incomplete();
  }

  private HandshakeResult readCredentials(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() < 1) {
      return HandshakeResult.incomplete();
    }
    int userLength = in.get(start) & 0xFF;
    if (in.remaining() < 2 + userLength) {
      return HandshakeResult.incomplete();
    }
    int passwordLength = in.get(start + 1 + userLength) & 0xFF;
    if (in.remaining() < 2 + userLength + passwordLength) {
      return HandshakeResult.incomplete();
    }
    byte[] user = new byte[userLength];
    byte[] password = new byte[passwordLength];
    in.position(start + 1);
    in.get(user);
    in.get();
    in.get(password);
    if (!variant.allEncrypted) {
      context.endRecordLayer(); // RA2ne: SecurityResult and all after it in clear
    }
    state = State.CHECKING;
    return check.verify(user, password, context);
  }

  /** A session key: the first {@code keyLength} bytes of H(first || second). */
  private byte[] sessionKey(byte[] first, byte[] second) {
    MessageDigest d = variant.digest();
    d.update(first);
    d.update(second);
    return Arrays.copyOf(d.digest(), variant.keyLength());
  }

  /** H(first || second) over two public keys' wire forms. */
  private byte[] keyHash(byte[] first, byte[] second) {
    MessageDigest d = variant.digest();
    d.update(first);
    d.update(second);
    return d.digest();
  }
}
