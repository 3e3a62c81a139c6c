package org.plugvnc.security.vencrypt.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Plain credentials message (rfbproto, VeNCrypt Plain): U32 username-length, U32
 * password-length, the user name, the password, both UTF-8. Both lengths are checked against the
 * limit before anything is allocated (TigerVNC's Plain-credential overflow is the class of bug this
 * keeps out).
 *
 * @param user the user name
 * @param password the password; the holder wipes it after use
 */
record PlainCredentials(String user, char[] password) {

  /** The length fields. */
  static final int HEADER_LENGTH = 8;

  /** Why a message was refused, before anything of it was allocated. */
  static final class TooLong extends Exception {
    private static final long serialVersionUID = 1L;

    TooLong(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Decodes the message at {@code in}'s position: null, with the position unchanged, when it is
   * not all there yet; else the credentials, with the position after them.
   *
   * @throws TooLong if a length exceeds {@code max}; nothing is consumed
   */
  static PlainCredentials read(ByteBuffer in, int max) throws TooLong {
    if (in.remaining() < HEADER_LENGTH) {
      return null;
    }
    long userLength = Integer.toUnsignedLong(in.getInt(in.position()));
    long passwordLength = Integer.toUnsignedLong(in.getInt(in.position() + 4));
    if (userLength > max) {
      throw new TooLong("the user name is " + userLength + " bytes long; at most " + max + " are accepted");
    }
    if (passwordLength > max) {
      throw new TooLong("the password is " + passwordLength + " bytes long; at most " + max + " are accepted");
    }
    if (in.remaining() < HEADER_LENGTH + userLength + passwordLength) {
      return null;
    }
    in.position(in.position() + HEADER_LENGTH);
    byte[] user = new byte[(int) userLength];
    in.get(user);
    byte[] password = new byte[(int) passwordLength];
    in.get(password);
    try {
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
      char[] secret = new char[chars.remaining()];
      chars.get(secret);
      Arrays.fill(chars.array(), '\0');
      return new PlainCredentials(new String(user, StandardCharsets.UTF_8), secret);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  /** The user name made safe for a log line: control characters become '?'. */
  String printableUser() {
    StringBuilder sb = new StringBuilder(user.length());
    user.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "PlainCredentials[user=" + printableUser() + ", password=<hidden>]";
  }
}
