package org.plugvnc.engine.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The ProtocolVersion handshake (RFC 6143 7.1.1): the 12 bytes each side sends, and how a client's
 * version maps to one the server speaks.
 */
public final class ProtocolVersion {

  /** Length of a ProtocolVersion message. */
  public static final int LENGTH = 12;

  /** What the server announces: the highest version it speaks. */
  public static final byte[] SERVER_VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);

  private ProtocolVersion() {}

  /**
   * The minor version (3, 7 or 8) to speak with a client that sent {@code message}.
   *
   * <p>3.7 and 3.8 are spoken as such; 3.4 to 3.6 (some UltraVNC and Apple viewers) as 3.3, as
   * rfbproto says; 3.3 as itself. A higher 3.x minor (Apple's 3.889 among them) is spoken as 3.8,
   * the highest the server knows: RFC 6143 would have it read as 3.3, but those clients speak 3.8,
   * and TigerVNC and libvncserver treat them so too.
   *
   * @throws ProtocolException if {@code message} is not {@code "RFB xxx.yyy\n"} with digits, or the
   *     version is not 3.3 or later in major version 3
   */
  public static int negotiate(byte[] message) {
    if (message.length != LENGTH || !startsWithRfb(message) || message[7] != '.' || message[11] != '\n') {
      throw new ProtocolException("malformed ProtocolVersion " + printable(message));
    }
    int major = digits(message, 4);
    int minor = digits(message, 8);
    if (major < 0 || minor < 0) {
      throw new ProtocolException("malformed ProtocolVersion " + printable(message));
    }
    if (major != 3 || minor < 3) {
      throw new ProtocolException("unsupported protocol version " + major + "." + minor);
    }
    if (minor >= 8) {
      return 8;
    }
    return minor == 7 ? 7 : 3;
  }

  private static boolean startsWithRfb(byte[] m) {
    return m[0] == 'R' && m[1] == 'F' && m[2] == 'B' && m[3] == ' ';
  }

  private static int digits(byte[] m, int from) {
    int v = 0;
    for (int i = from; i < from + 3; i++) {
      if (m[i] < '0' || m[i] > '9') {
        return -1;
      }
      v = v * 10 + (m[i] - '0');
    }
    return v;
  }

  /** The bytes as printable ASCII for a log line, control characters escaped. */
  static String printable(byte[] b) {
    StringBuilder s = new StringBuilder("\"");
    for (byte x : b) {
      int c = x & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02x", c));
      }
    }
    return s.append('"').toString();
  }
}
