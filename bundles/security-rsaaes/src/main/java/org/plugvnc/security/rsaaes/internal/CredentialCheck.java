package org.plugvnc.security.rsaaes.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.VncPasswordStore;

/**
 * How RSA-AES checks the credentials its subtype asked for. Subtype 1 (user name and password) asks
 * the {@link CredentialVerifier}, which may block, through {@link SecurityContext#resume}. Subtype 2
 * (password only) compares with the {@link VncPasswordStore}'s full and view-only passwords as VNC
 * Authentication does: the first 8 bytes, padded with zeros, so the same password works for both
 * types (TigerVNC compares whole strings, but its password file holds only 8 characters anyway).
 * Never logs a password; wipes the bytes it was given.
 */
final class CredentialCheck {

  static final String REFUSED = "authentication failed";
  private static final int VNC_PASSWORD_BYTES = 8;

  private final CredentialVerifier verifier;
  private final VncPasswordStore store;
  private final boolean ownPasswordFile;

  /**
   * @param verifier the user service, or null for the password-only subtype
   * @param store the password store for subtype 2, or null when none is registered
   * @param ownPasswordFile true when the desktop names a password file of its own, which this
   *     type does not read: the password-only subtype then refuses rather than use another secret
   */
  CredentialCheck(CredentialVerifier verifier, VncPasswordStore store, boolean ownPasswordFile) {
    this.verifier = verifier;
    this.store = store;
    this.ownPasswordFile = ownPasswordFile;
  }

  /** The subtype the server sends. */
  int subtype() {
    return verifier != null ? RsaAesHandshake.SUBTYPE_USER_PASSWORD : RsaAesHandshake.SUBTYPE_PASSWORD;
  }

  /** Checks the credentials; the arrays are wiped. I/O thread. */
  HandshakeResult verify(byte[] user, byte[] password, SecurityContext context) {
    try {
      if (verifier == null) {
        if (user.length != 0) {
          return HandshakeResult.failure("the password-only subtype carries no user name");
        }
        return checkPassword(password);
      }
      String name = utf8(user);
      String typed = utf8(password);
      if (name == null || typed == null) {
        return HandshakeResult.failure("the user name or password is not UTF-8");
      }
      char[] secret = typed.toCharArray(); // the String is short-lived; the array is wiped
      CredentialVerifier v = verifier;
      context.resume(() -> {
        try {
          Optional<Identity> who = v.verify(name, secret);
          return who.map(HandshakeResult::success).orElseGet(() -> HandshakeResult.failure(REFUSED));
        } finally {
          Arrays.fill(secret, '\0');
        }
      });
      return HandshakeResult.incomplete();
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private HandshakeResult checkPassword(byte[] password) {
    if (ownPasswordFile) {
      return HandshakeResult.failure("this desktop has a password file of its own, which RSA-AES "
          + "does not read; use VNC Authentication or a user service");
    }
    if (store == null) {
      return HandshakeResult.failure("no password is configured");
    }
    byte[] given = Arrays.copyOf(password, VNC_PASSWORD_BYTES);
    List<VncPasswordStore.VncPassword> passwords = store.passwords();
    Boolean viewOnly = null;
    try {
      for (VncPasswordStore.VncPassword p : passwords) {
        byte[] stored = Arrays.copyOf(p.secret(), VNC_PASSWORD_BYTES);
        boolean match = MessageDigest.isEqual(given, stored);
        Arrays.fill(stored, (byte) 0);
        if (match && viewOnly == null) {
          viewOnly = p.viewOnly(); // full-access passwords come first
        }
      }
    } finally {
      Arrays.fill(given, (byte) 0);
      for (VncPasswordStore.VncPassword p : passwords) {
        Arrays.fill(p.secret(), (byte) 0);
      }
    }
    if (viewOnly == null || password.length == 0) {
      return HandshakeResult.failure(REFUSED);
    }
    return HandshakeResult.success(new Identity("vnc-password", viewOnly));
  }

  /** Strict UTF-8, or null. */
  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
