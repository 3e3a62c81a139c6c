package org.plugvnc.client;

/**
 * The wire numbers this client speaks or can announce, named as in RFC 6143 and the community
 * rfbproto specification. Kept in one place so that a number in a log or a test reads as a name.
 */
public final class RfbNumbers {

  /** Security type 0: "Invalid"; in 3.3 it announces a failure followed by a reason. */
  public static final int SECURITY_INVALID = 0;
  /** Security type 1: None. */
  public static final int SECURITY_NONE = 1;
  /** Security type 2: VNC Authentication (DES challenge/response). */
  public static final int SECURITY_VNC_AUTH = 2;

  /** Security type 5: RA2, RSA-AES (SHA-1 keys and hashes, AES-128-EAX after the handshake). */
  public static final int SECURITY_RA2 = 5;
  /** Security type 6: RA2ne, RSA-AES with only the security handshake encrypted. */
  public static final int SECURITY_RA2NE = 6;
  /** Security type 19: VeNCrypt, a prelude choosing a subtype (the VENCRYPT_* numbers). */
  public static final int SECURITY_VENCRYPT = 19;
  /** Security type 129: RA2_256, RSA-AES with SHA-256 keys and hashes, AES-256-EAX. */
  public static final int SECURITY_RA2_256 = 129;
  /** Security type 130: RA2ne_256, RA2_256 with only the security handshake encrypted. */
  public static final int SECURITY_RA2NE_256 = 130;

  /** VeNCrypt subtype 256: Plain, username and password in clear. */
  public static final int VENCRYPT_PLAIN = 256;
  /** VeNCrypt subtype 257: TLSNone, anonymous TLS, no authentication. */
  public static final int VENCRYPT_TLS_NONE = 257;
  /** VeNCrypt subtype 258: TLSVnc, anonymous TLS, then VNC Authentication. */
  public static final int VENCRYPT_TLS_VNC = 258;
  /** VeNCrypt subtype 259: TLSPlain, anonymous TLS, then Plain. */
  public static final int VENCRYPT_TLS_PLAIN = 259;
  /** VeNCrypt subtype 260: X509None, TLS with a server certificate, no authentication. */
  public static final int VENCRYPT_X509_NONE = 260;
  /** VeNCrypt subtype 261: X509Vnc, TLS with a server certificate, then VNC Authentication. */
  public static final int VENCRYPT_X509_VNC = 261;
  /** VeNCrypt subtype 262: X509Plain, TLS with a server certificate, then Plain. */
  public static final int VENCRYPT_X509_PLAIN = 262;

  /** RSA-AES subtype 1: the server wants a username and a password. */
  public static final int RA2_SUBTYPE_USER_PASSWORD = 1;
  /** RSA-AES subtype 2: the server wants only a password. */
  public static final int RA2_SUBTYPE_PASSWORD = 2;

  /** SecurityResult status: OK. */
  public static final int SECURITY_RESULT_OK = 0;
  /** SecurityResult status: failed. */
  public static final int SECURITY_RESULT_FAILED = 1;
  /** SecurityResult status: failed, too many attempts (Tight security type only). */
  public static final int SECURITY_RESULT_TOO_MANY_ATTEMPTS = 2;

  /** Client-to-server message type: SetPixelFormat. */
  public static final int CLIENT_SET_PIXEL_FORMAT = 0;
  /** Client-to-server message type: SetEncodings. */
  public static final int CLIENT_SET_ENCODINGS = 2;
  /** Client-to-server message type: FramebufferUpdateRequest. */
  public static final int CLIENT_FRAMEBUFFER_UPDATE_REQUEST = 3;
  /** Client-to-server message type: KeyEvent. */
  public static final int CLIENT_KEY_EVENT = 4;
  /** Client-to-server message type: PointerEvent. */
  public static final int CLIENT_POINTER_EVENT = 5;
  /** Client-to-server message type: ClientCutText. */
  public static final int CLIENT_CUT_TEXT = 6;

  /** Server-to-client message type: FramebufferUpdate. */
  public static final int SERVER_FRAMEBUFFER_UPDATE = 0;
  /** Server-to-client message type: SetColourMapEntries. */
  public static final int SERVER_SET_COLOUR_MAP_ENTRIES = 1;
  /** Server-to-client message type: Bell. */
  public static final int SERVER_BELL = 2;
  /** Server-to-client message type: ServerCutText. */
  public static final int SERVER_CUT_TEXT = 3;

  /** Encoding 0: Raw. */
  public static final int ENCODING_RAW = 0;
  /** Encoding 1: CopyRect. */
  public static final int ENCODING_COPY_RECT = 1;
  /** Encoding 2: RRE. */
  public static final int ENCODING_RRE = 2;
  /** Encoding 4: CoRRE. */
  public static final int ENCODING_CORRE = 4;
  /** Encoding 5: Hextile. */
  public static final int ENCODING_HEXTILE = 5;
  /** Encoding 6: Zlib. */
  public static final int ENCODING_ZLIB = 6;
  /** Encoding 7: Tight. */
  public static final int ENCODING_TIGHT = 7;
  /** Encoding 15: TRLE (RFC 6143 7.7.5). */
  public static final int ENCODING_TRLE = 15;
  /** Encoding 16: ZRLE. */
  public static final int ENCODING_ZRLE = 16;
  /** Encoding -260: TightPNG (Tight with PNG in place of basic compression). */
  public static final int ENCODING_TIGHT_PNG = -260;
  /** Pseudo-encoding -223: DesktopSize. */
  public static final int ENCODING_DESKTOP_SIZE = -223;
  /** Pseudo-encoding -224: LastRect. */
  public static final int ENCODING_LAST_RECT = -224;
  /** Pseudo-encoding -239: Cursor (rich cursor). */
  public static final int ENCODING_CURSOR = -239;
  /** Pseudo-encoding -308: ExtendedDesktopSize. */
  public static final int ENCODING_EXTENDED_DESKTOP_SIZE = -308;
  /** Pseudo-encoding -312: Fence. */
  public static final int ENCODING_FENCE = -312;
  /** Pseudo-encoding -313: ContinuousUpdates. */
  public static final int ENCODING_CONTINUOUS_UPDATES = -313;
  /** Pseudo-encoding -256: compression level 0; levels 1..9 are -255..-247. */
  public static final int ENCODING_COMPRESS_LEVEL_0 = -256;
  /** Pseudo-encoding -32: JPEG quality level 0; levels 1..9 are -31..-23. */
  public static final int ENCODING_QUALITY_LEVEL_0 = -32;
  /** Pseudo-encoding -317: TurboVNC's Tight "basic compression without zlib" is understood. */
  public static final int ENCODING_TIGHT_WITHOUT_ZLIB = -317;
  /** Pseudo-encoding -512: TurboVNC fine JPEG quality 0; quality q is -512 + q, up to -412. */
  public static final int ENCODING_FINE_QUALITY_LEVEL_0 = -512;
  /** Pseudo-encoding -768: JPEG subsampling 1X (4:4:4). */
  public static final int ENCODING_SUBSAMP_1X = -768;
  /** Pseudo-encoding -767: JPEG subsampling 4X (4:2:0). */
  public static final int ENCODING_SUBSAMP_4X = -767;
  /** Pseudo-encoding -766: JPEG subsampling 2X (4:2:2). */
  public static final int ENCODING_SUBSAMP_2X = -766;
  /** Pseudo-encoding -765: JPEG subsampling gray (luminance only). */
  public static final int ENCODING_SUBSAMP_GRAY = -765;
  /** Pseudo-encoding -764: JPEG subsampling 8X. */
  public static final int ENCODING_SUBSAMP_8X = -764;
  /** Pseudo-encoding -763: JPEG subsampling 16X. */
  public static final int ENCODING_SUBSAMP_16X = -763;

  private static final String[] SUBSAMP_NAMES = {"1X", "4X", "2X", "Gray", "8X", "16X"};

  private RfbNumbers() {
  }

  /**
   * Names an encoding number for logs and assertion messages.
   *
   * @param encoding any S32 encoding number
   * @return its spec name, or {@code "encoding(n)"} for numbers this class does not name
   */
  public static String encodingName(int encoding) {
    switch (encoding) {
      case ENCODING_RAW: return "Raw";
      case ENCODING_COPY_RECT: return "CopyRect";
      case ENCODING_RRE: return "RRE";
      case ENCODING_CORRE: return "CoRRE";
      case ENCODING_HEXTILE: return "Hextile";
      case ENCODING_ZLIB: return "Zlib";
      case ENCODING_TIGHT: return "Tight";
      case ENCODING_TRLE: return "TRLE";
      case ENCODING_ZRLE: return "ZRLE";
      case ENCODING_TIGHT_PNG: return "TightPNG";
      case ENCODING_TIGHT_WITHOUT_ZLIB: return "TightWithoutZlib";
      case ENCODING_DESKTOP_SIZE: return "DesktopSize";
      case ENCODING_LAST_RECT: return "LastRect";
      case ENCODING_CURSOR: return "Cursor";
      case ENCODING_EXTENDED_DESKTOP_SIZE: return "ExtendedDesktopSize";
      case ENCODING_FENCE: return "Fence";
      case ENCODING_CONTINUOUS_UPDATES: return "ContinuousUpdates";
      default:
        if (encoding >= ENCODING_COMPRESS_LEVEL_0 && encoding <= ENCODING_COMPRESS_LEVEL_0 + 9) {
          return "CompressLevel" + (encoding - ENCODING_COMPRESS_LEVEL_0);
        }
        if (encoding >= ENCODING_QUALITY_LEVEL_0 && encoding <= ENCODING_QUALITY_LEVEL_0 + 9) {
          return "QualityLevel" + (encoding - ENCODING_QUALITY_LEVEL_0);
        }
        if (isFineQualityLevel(encoding)) {
          return "FineQualityLevel" + (encoding - ENCODING_FINE_QUALITY_LEVEL_0);
        }
        if (encoding >= ENCODING_SUBSAMP_1X && encoding <= ENCODING_SUBSAMP_16X) {
          return "Subsamp" + SUBSAMP_NAMES[encoding - ENCODING_SUBSAMP_1X];
        }
        return "encoding(" + encoding + ")";
    }
  }

  /** @return whether {@code encoding} is a JPEG quality level (-32..-23) */
  public static boolean isQualityLevel(int encoding) {
    return encoding >= ENCODING_QUALITY_LEVEL_0 && encoding <= ENCODING_QUALITY_LEVEL_0 + 9;
  }

  /** @return whether {@code encoding} is a TurboVNC fine quality level (-512..-412) */
  public static boolean isFineQualityLevel(int encoding) {
    return encoding >= ENCODING_FINE_QUALITY_LEVEL_0
        && encoding <= ENCODING_FINE_QUALITY_LEVEL_0 + 100;
  }

  /**
   * The inverse of {@link #encodingName(int)}, for command lines: a decimal number, or a name
   * as {@code encodingName} writes it, case ignored ({@code "tight"}, {@code "QualityLevel6"},
   * {@code "FineQualityLevel80"}, {@code "Subsamp2X"}, {@code "TightWithoutZlib"}).
   *
   * @param text the number or name
   * @return the encoding number
   * @throws IllegalArgumentException if {@code text} is neither
   */
  public static int encodingNumber(String text) {
    String t = text.strip();
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException notANumber) {
      // every named number lies between the lowest subsampling level and ZRLE
      for (int n = ENCODING_SUBSAMP_1X; n <= ENCODING_ZRLE; n++) {
        if (encodingName(n).equalsIgnoreCase(t)) {
          return n;
        }
      }
      throw new IllegalArgumentException("unknown encoding name: " + text);
    }
  }

  /**
   * Names a security type number for logs and assertion messages.
   *
   * @param type a security type number (U8, or U32 in 3.3)
   * @return its spec name, or {@code "security(n)"}
   */
  public static String securityTypeName(int type) {
    switch (type) {
      case SECURITY_INVALID: return "Invalid";
      case SECURITY_NONE: return "None";
      case SECURITY_VNC_AUTH: return "VNC Authentication";
      case SECURITY_RA2: return "RA2";
      case SECURITY_RA2NE: return "RA2ne";
      case 16: return "Tight";
      case 18: return "TLS";
      case SECURITY_VENCRYPT: return "VeNCrypt";
      case SECURITY_RA2_256: return "RA2_256";
      case SECURITY_RA2NE_256: return "RA2ne_256";
      case VENCRYPT_PLAIN: return "Plain";
      case VENCRYPT_TLS_NONE: return "TLSNone";
      case VENCRYPT_TLS_VNC: return "TLSVnc";
      case VENCRYPT_TLS_PLAIN: return "TLSPlain";
      case VENCRYPT_X509_NONE: return "X509None";
      case VENCRYPT_X509_VNC: return "X509Vnc";
      case VENCRYPT_X509_PLAIN: return "X509Plain";
      default: return "security(" + type + ")";
    }
  }

  /**
   * The inverse of {@link #securityTypeName(int)} for security types and VeNCrypt subtypes, for
   * command lines: a decimal number, or a name as that method writes it, case ignored
   * ({@code "VeNCrypt"}, {@code "RA2ne_256"}, {@code "X509Plain"}); {@code "VncAuth"} also names
   * type 2.
   *
   * @param text the number or name
   * @return the number
   * @throws IllegalArgumentException if {@code text} is neither
   */
  public static int securityTypeNumber(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("VncAuth")) {
      return SECURITY_VNC_AUTH;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException notANumber) {
      for (int n = SECURITY_INVALID; n <= VENCRYPT_X509_PLAIN; n++) {
        if (securityTypeName(n).equalsIgnoreCase(t)) {
          return n;
        }
      }
      throw new IllegalArgumentException("unknown security type name: " + text);
    }
  }

  /** @return whether VeNCrypt subtype {@code subtype} runs TLS (the TLS* and X509* subtypes) */
  public static boolean isVeNCryptTls(int subtype) {
    return subtype >= VENCRYPT_TLS_NONE && subtype <= VENCRYPT_X509_PLAIN;
  }

  /** @return whether VeNCrypt subtype {@code subtype} checks the server's certificate (X509*) */
  public static boolean isVeNCryptX509(int subtype) {
    return subtype >= VENCRYPT_X509_NONE && subtype <= VENCRYPT_X509_PLAIN;
  }

  /** @return whether {@code type} is one of the four RSA-AES types this client speaks */
  public static boolean isRsaAes(int type) {
    return type == SECURITY_RA2 || type == SECURITY_RA2NE || type == SECURITY_RA2_256
        || type == SECURITY_RA2NE_256;
  }
}
