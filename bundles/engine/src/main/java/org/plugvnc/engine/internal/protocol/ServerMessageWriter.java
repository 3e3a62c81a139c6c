package org.plugvnc.engine.internal.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.protocol.Rfb;

/**
 * One method per server-to-client message (RFC 6143 7.1 to 7.6), each appending the message's
 * bytes to a buffer. Pure: no state, no socket.
 */
public final class ServerMessageWriter {

  private ServerMessageWriter() {}

  /** ProtocolVersion: the server's highest version, 3.8. */
  public static void protocolVersion(ByteBuf out) {
    out.writeBytes(ProtocolVersion.SERVER_VERSION);
  }

  /** 3.7 and later: the security types offered (at least one). */
  public static void securityTypes(ByteBuf out, List<Integer> types) {
    out.writeByte(types.size());
    for (int t : types) {
      out.writeByte(t);
    }
  }

  /** 3.7 and later: no security type at all, with the reason the connection fails. */
  public static void securityTypesFailure(ByteBuf out, String reason) {
    out.writeByte(0);
    reasonString(out, reason);
  }

  /** 3.3: the security type the server chose, a U32. */
  public static void securityType33(ByteBuf out, int type) {
    out.writeInt(type);
  }

  /** 3.3: type 0 (invalid), with the reason the connection fails. */
  public static void securityType33Failure(ByteBuf out, String reason) {
    out.writeInt(Rfb.SECURITY_INVALID);
    reasonString(out, reason);
  }

  /** SecurityResult OK. */
  public static void securityResultOk(ByteBuf out) {
    out.writeInt(Rfb.SECURITY_RESULT_OK);
  }

  /** SecurityResult failed; the reason follows only in 3.8 ({@code minor} 8). */
  public static void securityResultFailed(ByteBuf out, int minor, String reason) {
    out.writeInt(Rfb.SECURITY_RESULT_FAILED);
    if (minor >= 8) {
      reasonString(out, reason);
    }
  }

  /** ServerInit: framebuffer size, the server's pixel format and the desktop name in UTF-8. */
  public static void serverInit(ByteBuf out, int width, int height, PixelFormat pf, String name) {
    out.writeShort(width);
    out.writeShort(height);
    pixelFormat(out, pf);
    reasonString(out, name);
  }

  /** The 16-byte PIXEL_FORMAT structure (RFC 6143 7.4). */
  public static void pixelFormat(ByteBuf out, PixelFormat pf) {
    out.writeByte(pf.bitsPerPixel());
    out.writeByte(pf.depth());
    out.writeByte(pf.bigEndian() ? 1 : 0);
    out.writeByte(pf.trueColour() ? 1 : 0);
    out.writeShort(pf.redMax());
    out.writeShort(pf.greenMax());
    out.writeShort(pf.blueMax());
    out.writeByte(pf.redShift());
    out.writeByte(pf.greenShift());
    out.writeByte(pf.blueShift());
    out.writeZero(3);
  }

  /** FramebufferUpdate header: message type, padding, number of rectangles. */
  public static void framebufferUpdate(ByteBuf out, int rectangles) {
    out.writeByte(Rfb.MSG_FRAMEBUFFER_UPDATE);
    out.writeByte(0);
    out.writeShort(rectangles);
  }

  /** The 12-byte header of one rectangle of a FramebufferUpdate. */
  public static void rectangle(ByteBuf out, int x, int y, int width, int height, int encoding) {
    out.writeShort(x);
    out.writeShort(y);
    out.writeShort(width);
    out.writeShort(height);
    out.writeInt(encoding);
  }

  /** SetColourMapEntries: colours 0x00RRGGBB from index {@code first}, as 16-bit channels. */
  public static void setColourMapEntries(ByteBuf out, int first, int[] rgb) {
    out.writeByte(Rfb.MSG_SET_COLOUR_MAP_ENTRIES);
    out.writeByte(0);
    out.writeShort(first);
    out.writeShort(rgb.length);
    for (int c : rgb) {
      out.writeShort(((c >> 16) & 0xFF) * 257);
      out.writeShort(((c >> 8) & 0xFF) * 257);
      out.writeShort((c & 0xFF) * 257);
    }
  }

  /** Bell. */
  public static void bell(ByteBuf out) {
    out.writeByte(Rfb.MSG_BELL);
  }

  /** ServerCutText with ISO 8859-1 text. */
  public static void serverCutText(ByteBuf out, byte[] latin1) {
    out.writeByte(Rfb.MSG_SERVER_CUT_TEXT);
    out.writeZero(3);
    out.writeInt(latin1.length);
    out.writeBytes(latin1);
  }

  /** A U32 length and the UTF-8 bytes of {@code s}: reasons and the desktop name. */
  private static void reasonString(ByteBuf out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.writeBytes(b);
  }
}
