package org.plugvnc.security.vencrypt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wire numbers of the VeNCrypt security type (19), named as in the community RFB specification
 * (rfbproto, "VeNCrypt"), with helpers for logs and configuration.
 */
final class VeNCrypt {

  /** The only VeNCrypt version this server speaks: 0.2 (0.1, with U8 subtypes, is obsolete). */
  static final int VERSION_MAJOR = 0;
  static final int VERSION_MINOR = 2;

  /** The server's answer to the viewer's version: 0 accepts it, non-zero (255) refuses it. */
  static final int VERSION_ACCEPTED = 0;
  static final int VERSION_REFUSED = 255;

  /** The server's one-byte acknowledgement of a TLS or X509 subtype, sent before TLS starts. */
  static final int SUBTYPE_ACCEPTED = 1;

  /** The viewer's choice when it can use none of the offered subtypes. */
  static final int FAILURE = 0;

  /** The standard types None and VncAuth, offered as subtypes too: in clear, no acknowledgement. */
  static final int NONE = 1;
  static final int VNC_AUTH = 2;

  static final int PLAIN = 256;
  static final int TLS_NONE = 257;
  static final int TLS_VNC = 258;
  static final int TLS_PLAIN = 259;
  static final int X509_NONE = 260;
  static final int X509_VNC = 261;
  static final int X509_PLAIN = 262;

  private VeNCrypt() {}

  /** Whether {@code subtype} runs inside TLS (everything but Plain). */
  static boolean usesTls(int subtype) {
    return subtype >= TLS_NONE && subtype <= X509_PLAIN;
  }

  /** Whether {@code subtype} uses anonymous TLS (TLSNone, TLSVnc, TLSPlain). */
  static boolean isAnonymousTls(int subtype) {
    return subtype >= TLS_NONE && subtype <= TLS_PLAIN;
  }

  /** Whether {@code subtype} sends a user name and password (Plain, TLSPlain, X509Plain). */
  static boolean sendsCredentials(int subtype) {
    return subtype == PLAIN || subtype == TLS_PLAIN || subtype == X509_PLAIN;
  }

  /** Whether {@code subtype} runs VNC Authentication inside TLS (TLSVnc, X509Vnc). */
  static boolean runsVncAuth(int subtype) {
    return subtype == TLS_VNC || subtype == X509_VNC;
  }

  /** The subtype's name in the specification, or its number for one it does not define. */
  static String name(int subtype) {
    switch (subtype) {
      case NONE: return "None";
      case VNC_AUTH: return "VncAuth";
      case PLAIN: return "Plain";
      case TLS_NONE: return "TLSNone";
      case TLS_VNC: return "TLSVnc";
      case TLS_PLAIN: return "TLSPlain";
      case X509_NONE: return "X509None";
      case X509_VNC: return "X509Vnc";
      case X509_PLAIN: return "X509Plain";
      default: return Integer.toUnsignedString(subtype);
    }
  }

  /**
   * The subtype a configuration entry names: its name in the specification (any case) or its
   * number; -1 for anything else.
   */
  static int parse(String entry) {
    String e = entry.trim();
    for (int s = PLAIN; s <= X509_PLAIN; s++) {
      if (name(s).toLowerCase(Locale.ROOT).equals(e.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    try {
      int n = Integer.parseInt(e);
      return n >= PLAIN && n <= X509_PLAIN ? n : -1;
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }

  /**
   * The entries of a list-valued configuration key, each also split at commas and spaces: a
   * {@code .cfg} file gives {@code subtypes = X509Vnc, X509Plain} as one string.
   */
  static List<String> entries(String[] configured) {
    List<String> out = new ArrayList<>();
    for (String value : configured) {
      for (String entry : value.split("[,\\s]+")) {
        if (!entry.isEmpty()) {
          out.add(entry);
        }
      }
    }
    return out;
  }
}
