package org.plugvnc.security.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.VncPasswordStore;
import org.plugvnc.api.security.VncPasswordStore.VncPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VNC Authentication exchange: the server sends a random 16-byte challenge, the viewer answers
 * with the challenge DES-encrypted under its password ({@link RfbDes}). The answer is compared in
 * constant time against each password of the store, full-access ones first.
 */
final class VncAuthHandshake implements SecurityHandshake {

  static final int CHALLENGE_LENGTH = 16;

  /** Identity name for VNC Authentication, which has no user names. */
  static final String IDENTITY_NAME = "vnc-password";

  private static final Logger LOG = LoggerFactory.getLogger(VncAuthHandshake.class);

  private final Supplier<VncPasswordStore> store;
  private final SecurityContext context;
  private final byte[] challenge = new byte[CHALLENGE_LENGTH];
  private boolean finished;

  VncAuthHandshake(Supplier<VncPasswordStore> store, SecureRandom random, SecurityContext context) {
    this.store = store;
    this.context = context;
    random.nextBytes(challenge);
  }

  @Override
  public void start(RfbOutput out) {
    out.writeBytes(challenge, 0, CHALLENGE_LENGTH);
  }

  @Override
  public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
    if (finished) {
      // The challenge is wiped: never check a second response against it.
      return HandshakeResult.failure("The VNC Authentication handshake has already finished");
    }
    if (in.remaining() < CHALLENGE_LENGTH) {
      return HandshakeResult.incomplete();
    }
    byte[] response = new byte[CHALLENGE_LENGTH];
    in.get(response);
    finished = true;
    try {
      return check(response);
    } finally {
      Arrays.fill(response, (byte) 0);
      Arrays.fill(challenge, (byte) 0);
    }
  }

  private HandshakeResult check(byte[] response) {
    VncPasswordStore current = store.get();
    if (current == null) {
      LOG.warn("VNC Authentication from {} refused: no VNC password store is available",
          context.remoteAddress());
      return HandshakeResult.failure("No VNC password is configured on the server");
    }
    List<VncPassword> passwords = current.passwords();
    try {
      for (VncPassword password : passwords) {
        if (isBlank(password.secret())) {
          continue; // an empty (or wiped) secret must never let a viewer in
        }
        byte[] expected = RfbDes.encrypt(password.secret(), challenge);
        boolean matches = MessageDigest.isEqual(expected, response);
        Arrays.fill(expected, (byte) 0);
        if (matches) {
          return HandshakeResult.success(new Identity(IDENTITY_NAME, password.viewOnly()));
        }
      }
    } finally {
      // the store hands out copies (VncPasswordStore#passwords): wipe them
      passwords.forEach(p -> Arrays.fill(p.secret(), (byte) 0));
    }
    LOG.info("VNC Authentication from {} failed", context.remoteAddress());
    return HandshakeResult.failure("Authentication failed");
  }

  private static boolean isBlank(byte[] secret) {
    for (byte b : secret) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
