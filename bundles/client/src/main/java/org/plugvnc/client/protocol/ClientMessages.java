package org.plugvnc.client.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;

/**
 * Encodes the client-to-server messages of RFC 6143 7.5 into byte arrays. Arguments are checked
 * against their wire field sizes (IllegalArgumentException); anything a test wants to send beyond
 * that goes through a raw write.
 */
public final class ClientMessages {

  private ClientMessages() {
  }

  /** @return SetPixelFormat: type 0, 3 padding, 16-byte PIXEL_FORMAT */
  public static byte[] setPixelFormat(PixelFormat format) {
    return ByteBuffer.allocate(20).put((byte) RfbNumbers.CLIENT_SET_PIXEL_FORMAT)
        .put(new byte[3]).put(format.toBytes()).array();
  }

  /** @return SetEncodings: type 2, padding, U16 count, S32 each */
  public static byte[] setEncodings(int... encodings) {
    u16(encodings.length, "number-of-encodings");
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * encodings.length)
        .put((byte) RfbNumbers.CLIENT_SET_ENCODINGS).put((byte) 0)
        .putShort((short) encodings.length);
    for (int e : encodings) {
      b.putInt(e);
    }
    return b.array();
  }

  /** @return FramebufferUpdateRequest: type 3, U8 incremental, U16 x, y, width, height */
  public static byte[] framebufferUpdateRequest(boolean incremental, int x, int y, int width,
      int height) {
    return ByteBuffer.allocate(10).put((byte) RfbNumbers.CLIENT_FRAMEBUFFER_UPDATE_REQUEST)
        .put((byte) (incremental ? 1 : 0)).putShort(u16(x, "x")).putShort(u16(y, "y"))
        .putShort(u16(width, "width")).putShort(u16(height, "height")).array();
  }

  /** @return KeyEvent: type 4, U8 down-flag, 2 padding, U32 keysym */
  public static byte[] keyEvent(boolean down, int keysym) {
    return ByteBuffer.allocate(8).put((byte) RfbNumbers.CLIENT_KEY_EVENT)
        .put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym).array();
  }

  /** @return PointerEvent: type 5, U8 button-mask, U16 x, y */
  public static byte[] pointerEvent(int buttonMask, int x, int y) {
    if (buttonMask < 0 || buttonMask > 0xFF) {
      throw new IllegalArgumentException("button-mask out of U8 range: " + buttonMask);
    }
    return ByteBuffer.allocate(6).put((byte) RfbNumbers.CLIENT_POINTER_EVENT)
        .put((byte) buttonMask).putShort(u16(x, "x")).putShort(u16(y, "y")).array();
  }

  /**
   * @param text Latin-1 text; characters outside Latin-1 become '?' (the protocol has no way
   *        to carry them)
   * @return ClientCutText: type 6, 3 padding, U32 length, text
   */
  public static byte[] clientCutText(String text) {
    return clientCutText(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** @return ClientCutText carrying exactly {@code text} */
  public static byte[] clientCutText(byte[] text) {
    return ByteBuffer.allocate(8 + text.length).put((byte) RfbNumbers.CLIENT_CUT_TEXT)
        .put(new byte[3]).putInt(text.length).put(text).array();
  }

  private static short u16(int v, String name) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(name + " out of U16 range: " + v);
    }
    return (short) v;
  }
}
