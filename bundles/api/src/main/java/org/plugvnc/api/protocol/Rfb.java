package org.plugvnc.api.protocol;

/**
 * Wire numbers of RFB, named as in RFC 6143 and the community rfbproto specification. Every other
 * plugvnc class takes its numbers from here.
 */
public final class Rfb {

  private Rfb() {}

  // Security types (RFC 6143 7.1.2, rfbproto "Security Types")
  public static final int SECURITY_INVALID = 0;
  public static final int SECURITY_NONE = 1;
  public static final int SECURITY_VNC_AUTH = 2;
  public static final int SECURITY_RA2 = 5;
  public static final int SECURITY_RA2NE = 6;
  public static final int SECURITY_TIGHT = 16;
  public static final int SECURITY_ULTRA = 17;
  public static final int SECURITY_TLS = 18;
  public static final int SECURITY_VENCRYPT = 19;
  public static final int SECURITY_RA2_256 = 129;
  /** RSA-AES-256 without encryption after authentication (rfbproto "RSA-AES Security Type"). */
  public static final int SECURITY_RA2NE_256 = 130;

  // SecurityResult (RFC 6143 7.1.3)
  public static final int SECURITY_RESULT_OK = 0;
  public static final int SECURITY_RESULT_FAILED = 1;

  // Client to server messages (RFC 6143 7.5)
  public static final int MSG_SET_PIXEL_FORMAT = 0;
  public static final int MSG_SET_ENCODINGS = 2;
  public static final int MSG_FRAMEBUFFER_UPDATE_REQUEST = 3;
  public static final int MSG_KEY_EVENT = 4;
  public static final int MSG_POINTER_EVENT = 5;
  public static final int MSG_CLIENT_CUT_TEXT = 6;
  public static final int MSG_ENABLE_CONTINUOUS_UPDATES = 150;
  public static final int MSG_CLIENT_FENCE = 248;
  public static final int MSG_QEMU_CLIENT = 255;
  public static final int MSG_SET_DESKTOP_SIZE = 251;

  // Server to client messages (RFC 6143 7.6)
  public static final int MSG_FRAMEBUFFER_UPDATE = 0;
  public static final int MSG_SET_COLOUR_MAP_ENTRIES = 1;
  public static final int MSG_BELL = 2;
  public static final int MSG_SERVER_CUT_TEXT = 3;
  public static final int MSG_END_OF_CONTINUOUS_UPDATES = 150;
  public static final int MSG_SERVER_FENCE = 248;

  // Encodings (RFC 6143 7.7, rfbproto "Encodings")
  public static final int ENCODING_RAW = 0;
  public static final int ENCODING_COPY_RECT = 1;
  public static final int ENCODING_RRE = 2;
  public static final int ENCODING_CORRE = 4;
  public static final int ENCODING_HEXTILE = 5;
  public static final int ENCODING_ZLIB = 6;
  public static final int ENCODING_TIGHT = 7;
  public static final int ENCODING_ZLIBHEX = 8;
  public static final int ENCODING_TRLE = 15;
  public static final int ENCODING_ZRLE = 16;
  public static final int ENCODING_H264 = 50;
  public static final int ENCODING_TIGHT_PNG = -260;

  // Pseudo-encodings
  public static final int PSEUDO_JPEG_QUALITY_LEVEL_0 = -32;
  public static final int PSEUDO_JPEG_QUALITY_LEVEL_9 = -23;
  public static final int PSEUDO_DESKTOP_SIZE = -223;
  public static final int PSEUDO_LAST_RECT = -224;
  public static final int PSEUDO_POINTER_POS = -232;
  public static final int PSEUDO_CURSOR = -239;
  public static final int PSEUDO_X_CURSOR = -240;
  public static final int PSEUDO_COMPRESS_LEVEL_0 = -256;
  public static final int PSEUDO_COMPRESS_LEVEL_9 = -247;
  public static final int PSEUDO_QEMU_POINTER_MOTION_CHANGE = -257;
  public static final int PSEUDO_QEMU_EXTENDED_KEY_EVENT = -258;
  public static final int PSEUDO_QEMU_AUDIO = -259;
  public static final int PSEUDO_GII = -305;
  public static final int PSEUDO_DESKTOP_NAME = -307;
  public static final int PSEUDO_EXTENDED_DESKTOP_SIZE = -308;
  public static final int PSEUDO_XVP = -309;
  public static final int PSEUDO_FENCE = -312;
  public static final int PSEUDO_CONTINUOUS_UPDATES = -313;
  public static final int PSEUDO_CURSOR_WITH_ALPHA = -314;
  public static final int PSEUDO_EXTENDED_MOUSE_BUTTONS = -316;
  public static final int PSEUDO_TIGHT_WITHOUT_ZLIB = -317;
  public static final int PSEUDO_EXTENDED_CLIPBOARD = 0xC0A1E5CE;
  /** TurboVNC's fine-grained JPEG quality: -512 is quality 0, -412 quality 100. */
  public static final int PSEUDO_FINE_QUALITY_LEVEL_0 = -512;
  public static final int PSEUDO_FINE_QUALITY_LEVEL_100 = -412;
  /** TurboVNC's JPEG subsampling levels. */
  public static final int PSEUDO_SUBSAMP_1X = -768;
  public static final int PSEUDO_SUBSAMP_4X = -767;
  public static final int PSEUDO_SUBSAMP_2X = -766;
  public static final int PSEUDO_SUBSAMP_GRAY = -765;
  public static final int PSEUDO_SUBSAMP_8X = -764;
  public static final int PSEUDO_SUBSAMP_16X = -763;

  /** A readable name for an encoding or pseudo-encoding number, for logs. */
  public static String encodingName(int encoding) {
    switch (encoding) {
      case ENCODING_RAW: return "Raw";
      case ENCODING_COPY_RECT: return "CopyRect";
      case ENCODING_RRE: return "RRE";
      case ENCODING_CORRE: return "CoRRE";
      case ENCODING_HEXTILE: return "Hextile";
      case ENCODING_ZLIB: return "Zlib";
      case ENCODING_TIGHT: return "Tight";
      case ENCODING_ZLIBHEX: return "ZlibHex";
      case ENCODING_TRLE: return "TRLE";
      case ENCODING_ZRLE: return "ZRLE";
      case ENCODING_H264: return "H.264";
      case ENCODING_TIGHT_PNG: return "TightPNG";
      case PSEUDO_DESKTOP_SIZE: return "DesktopSize";
      case PSEUDO_LAST_RECT: return "LastRect";
      case PSEUDO_POINTER_POS: return "PointerPos";
      case PSEUDO_CURSOR: return "Cursor";
      case PSEUDO_X_CURSOR: return "XCursor";
      case PSEUDO_QEMU_POINTER_MOTION_CHANGE: return "QEMUPointerMotionChange";
      case PSEUDO_QEMU_EXTENDED_KEY_EVENT: return "QEMUExtendedKeyEvent";
      case PSEUDO_QEMU_AUDIO: return "QEMUAudio";
      case PSEUDO_GII: return "gii";
      case PSEUDO_DESKTOP_NAME: return "DesktopName";
      case PSEUDO_EXTENDED_DESKTOP_SIZE: return "ExtendedDesktopSize";
      case PSEUDO_XVP: return "xvp";
      case PSEUDO_FENCE: return "Fence";
      case PSEUDO_CONTINUOUS_UPDATES: return "ContinuousUpdates";
      case PSEUDO_CURSOR_WITH_ALPHA: return "CursorWithAlpha";
      case PSEUDO_EXTENDED_MOUSE_BUTTONS: return "ExtendedMouseButtons";
      case PSEUDO_TIGHT_WITHOUT_ZLIB: return "TightWithoutZlib";
      case PSEUDO_EXTENDED_CLIPBOARD: return "ExtendedClipboard";
      default:
        if (encoding >= PSEUDO_JPEG_QUALITY_LEVEL_0 && encoding <= PSEUDO_JPEG_QUALITY_LEVEL_9) {
          return "JPEGQualityLevel" + (encoding - PSEUDO_JPEG_QUALITY_LEVEL_0);
        }
        if (encoding >= PSEUDO_COMPRESS_LEVEL_0 && encoding <= PSEUDO_COMPRESS_LEVEL_9) {
          return "CompressLevel" + (encoding - PSEUDO_COMPRESS_LEVEL_0);
        }
        if (encoding >= PSEUDO_FINE_QUALITY_LEVEL_0 && encoding <= PSEUDO_FINE_QUALITY_LEVEL_100) {
          return "FineQualityLevel" + (encoding - PSEUDO_FINE_QUALITY_LEVEL_0);
        }
        if (encoding >= PSEUDO_SUBSAMP_1X && encoding <= PSEUDO_SUBSAMP_16X) {
          return "Subsamp" + new String[] {"1X", "4X", "2X", "Gray", "8X", "16X"}[encoding - PSEUDO_SUBSAMP_1X];
        }
        return "encoding(" + encoding + ")";
    }
  }

  /** A readable name for a security-type number, for logs. */
  public static String securityTypeName(int type) {
    switch (type) {
      case SECURITY_INVALID: return "Invalid";
      case SECURITY_NONE: return "None";
      case SECURITY_VNC_AUTH: return "VncAuth";
      case SECURITY_RA2: return "RA2";
      case SECURITY_RA2NE: return "RA2ne";
      case SECURITY_TIGHT: return "Tight";
      case SECURITY_ULTRA: return "Ultra";
      case SECURITY_TLS: return "TLS";
      case SECURITY_VENCRYPT: return "VeNCrypt";
      case SECURITY_RA2_256: return "RA2_256";
      case SECURITY_RA2NE_256: return "RA2ne_256";
      default: return "security(" + type + ")";
    }
  }

  /** A readable name for a client-to-server message type, for logs. */
  public static String clientMessageName(int type) {
    switch (type) {
      case MSG_SET_PIXEL_FORMAT: return "SetPixelFormat";
      case MSG_SET_ENCODINGS: return "SetEncodings";
      case MSG_FRAMEBUFFER_UPDATE_REQUEST: return "FramebufferUpdateRequest";
      case MSG_KEY_EVENT: return "KeyEvent";
      case MSG_POINTER_EVENT: return "PointerEvent";
      case MSG_CLIENT_CUT_TEXT: return "ClientCutText";
      case MSG_ENABLE_CONTINUOUS_UPDATES: return "EnableContinuousUpdates";
      case MSG_CLIENT_FENCE: return "ClientFence";
      case MSG_SET_DESKTOP_SIZE: return "SetDesktopSize";
      case MSG_QEMU_CLIENT: return "QEMUClientMessage";
      default: return "message(" + type + ")";
    }
  }
}
