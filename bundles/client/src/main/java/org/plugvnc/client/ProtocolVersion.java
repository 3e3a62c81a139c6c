package org.plugvnc.client;

import java.nio.charset.StandardCharsets;

/**
 * The published RFB protocol versions (RFC 6143 7.1.1). The version decides the shape of the
 * security handshake: 3.3 lets the server pick the type, 3.7 and 3.8 let the client pick from a
 * list, and only 3.8 sends a SecurityResult for None and a reason string on failure.
 */
public enum ProtocolVersion {
  /** RFB 3.3: server picks the security type (U32). */
  V3_3(3),
  /** RFB 3.7: client picks from a list; no SecurityResult for None, no failure reason. */
  V3_7(7),
  /** RFB 3.8: as 3.7, plus SecurityResult for None and a reason string on failure. */
  V3_8(8);

  /** Length of a ProtocolVersion message. */
  public static final int WIRE_LENGTH = 12;

  private final int minor;

  ProtocolVersion(int minor) {
    this.minor = minor;
  }

  /** @return the 12-character ProtocolVersion message, e.g. {@code "RFB 003.008\n"} */
  public String wireString() {
    return String.format("RFB 003.%03d\n", minor);
  }

  /** @return the 12 ASCII bytes of {@link #wireString()} */
  public byte[] wireBytes() {
    return wireString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The version a client should use against a server that announced {@code wire}: the highest
   * published version not above the server's (so a server's "RFB 003.889" or "RFB 004.001"
   * allows 3.8, and "RFB 003.005" means 3.3).
   *
   * @param wire the server's 12-byte ProtocolVersion message
   * @return the highest published version the server's announcement allows
   * @throws RfbProtocolException if {@code wire} is not of the form "RFB xxx.yyy\n" or announces
   *         a major version below 3
   */
  public static ProtocolVersion highestAllowedBy(String wire) throws RfbProtocolException {
    int[] mm = parse(wire);
    if (mm == null || mm[0] < 3) {
      throw new RfbProtocolException("unusable server ProtocolVersion " + quote(wire));
    }
    if (mm[0] > 3 || mm[1] >= 8) {
      return V3_8;
    }
    return mm[1] == 7 ? V3_7 : V3_3;
  }

  /**
   * How a server should understand a version string a client announced: the published versions
   * as themselves, everything else as 3.3 (RFC 6143 7.1.1: unpublished versions "should be
   * interpreted as 3.3 since they do not implement the different handshake in 3.7 or 3.8").
   *
   * @param wire the announced 12 bytes as a Latin-1 string (need not be well formed)
   * @return the version whose handshake follows
   */
  public static ProtocolVersion interpretAnnounced(String wire) {
    for (ProtocolVersion v : values()) {
      if (v.wireString().equals(wire)) {
        return v;
      }
    }
    return V3_3;
  }

  /** @return {major, minor}, or null when {@code wire} is not "RFB xxx.yyy\n" with digits */
  private static int[] parse(String wire) {
    if (wire.length() != WIRE_LENGTH || !wire.startsWith("RFB ") || wire.charAt(7) != '.'
        || wire.charAt(11) != '\n') {
      return null;
    }
    String major = wire.substring(4, 7);
    String minor = wire.substring(8, 11);
    if (!major.chars().allMatch(c -> c >= '0' && c <= '9')
        || !minor.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return new int[] {Integer.parseInt(major), Integer.parseInt(minor)};
  }

  /** @return {@code s} with control characters escaped, for messages */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '\n') {
        b.append("\\n");
      } else if (c < 0x20 || c > 0x7E) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
