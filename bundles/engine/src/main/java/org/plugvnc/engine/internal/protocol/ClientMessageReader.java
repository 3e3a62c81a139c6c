package org.plugvnc.engine.internal.protocol;

import io.netty.buffer.ByteBuf;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.protocol.Rfb;

/**
 * Decodes the client messages of the normal phase (RFC 6143 7.5) without blocking: {@link #read}
 * either consumes one whole message and hands it to the handler, or consumes nothing and reports
 * that more bytes are needed. The one exception is a long ClientCutText, whose body is taken as
 * it comes ({@link #STREAMED_ABOVE}). Every length is checked against its limit before a byte is
 * allocated for it.
 */
public final class ClientMessageReader {

  /** Most encodings accepted in one SetEncodings; real viewers send a few dozen. */
  public static final int MAX_ENCODINGS = 1024;

  /**
   * Longer ClientCutTexts are read as their bytes come instead of gathered whole in the decoder's
   * buffer, which would grow to about twice the text for every connection sending one.
   */
  public static final int STREAMED_ABOVE = 4096;

  private final ClientMessageHandler handler;
  private final int maxCutText;
  /** The long ClientCutText being read, or null; its body is null when the text is skipped. */
  private byte[] cutBody;
  private int cutRemaining;
  private int cutFilled;

  /**
   * @param handler receives each decoded message
   * @param maxCutText the longest ClientCutText accepted, in bytes
   */
  public ClientMessageReader(ClientMessageHandler handler, int maxCutText) {
    this.handler = handler;
    this.maxCutText = maxCutText;
  }

  /**
   * Decodes one message from {@code in} if it is all there.
   *
   * @return true if a message was consumed, false if more bytes are needed (nothing consumed, but
   *     for the body of a long ClientCutText)
   * @throws ProtocolException for an unknown message type or a length over its limit
   */
  public boolean read(ByteBuf in) {
    if (!in.isReadable()) {
      return false;
    }
    if (cutRemaining > 0) {
      return readCutTextBody(in);
    }
    int start = in.readerIndex();
    int type = in.getUnsignedByte(start);
    switch (type) {
      case Rfb.MSG_SET_PIXEL_FORMAT:
        return readSetPixelFormat(in, start);
      case Rfb.MSG_SET_ENCODINGS:
        return readSetEncodings(in, start);
      case Rfb.MSG_FRAMEBUFFER_UPDATE_REQUEST:
        return readUpdateRequest(in, start);
      case Rfb.MSG_KEY_EVENT:
        return readKeyEvent(in, start);
      case Rfb.MSG_POINTER_EVENT:
        return readPointerEvent(in, start);
      case Rfb.MSG_CLIENT_CUT_TEXT:
        return readClientCutText(in, start);
      default:
        throw new ProtocolException("unknown client message type " + type);
    }
  }

  private boolean readSetPixelFormat(ByteBuf in, int start) {
    if (in.readableBytes() < 20) {
      return false;
    }
    in.skipBytes(4);
    handler.setPixelFormat(readPixelFormat(in));
    return true;
  }

  /** Reads the 16-byte PIXEL_FORMAT structure (RFC 6143 7.4), padding included. */
  public static PixelFormat readPixelFormat(ByteBuf in) {
    int bpp = in.readUnsignedByte();
    int depth = in.readUnsignedByte();
    boolean bigEndian = in.readUnsignedByte() != 0;
    boolean trueColour = in.readUnsignedByte() != 0;
    int redMax = in.readUnsignedShort();
    int greenMax = in.readUnsignedShort();
    int blueMax = in.readUnsignedShort();
    int redShift = in.readUnsignedByte();
    int greenShift = in.readUnsignedByte();
    int blueShift = in.readUnsignedByte();
    in.skipBytes(3);
    return new PixelFormat(bpp, depth, bigEndian, trueColour, redMax, greenMax, blueMax,
        redShift, greenShift, blueShift);
  }

  private boolean readSetEncodings(ByteBuf in, int start) {
    if (in.readableBytes() < 4) {
      return false;
    }
    int count = in.getUnsignedShort(start + 2);
    if (count > MAX_ENCODINGS) {
      throw new ProtocolException("SetEncodings lists " + count + " encodings, more than "
          + MAX_ENCODINGS);
    }
    if (in.readableBytes() < 4 + 4 * count) {
      return false;
    }
    in.skipBytes(4);
    int[] encodings = new int[count];
    for (int i = 0; i < count; i++) {
      encodings[i] = in.readInt();
    }
    handler.setEncodings(encodings);
    return true;
  }

  private boolean readUpdateRequest(ByteBuf in, int start) {
    if (in.readableBytes() < 10) {
      return false;
    }
    in.skipBytes(1);
    boolean incremental = in.readUnsignedByte() != 0;
    Rect area = new Rect(in.readUnsignedShort(), in.readUnsignedShort(),
        in.readUnsignedShort(), in.readUnsignedShort());
    handler.framebufferUpdateRequest(incremental, area);
    return true;
  }

  private boolean readKeyEvent(ByteBuf in, int start) {
    if (in.readableBytes() < 8) {
      return false;
    }
    in.skipBytes(1);
    boolean down = in.readUnsignedByte() != 0;
    in.skipBytes(2);
    handler.keyEvent(new KeyEvent(down, in.readInt(), 0));
    return true;
  }

  private boolean readPointerEvent(ByteBuf in, int start) {
    if (in.readableBytes() < 6) {
      return false;
    }
    in.skipBytes(1);
    int mask = in.readUnsignedByte();
    handler.pointerEvent(new PointerEvent(mask, in.readUnsignedShort(), in.readUnsignedShort()));
    return true;
  }

  private boolean readClientCutText(ByteBuf in, int start) {
    if (in.readableBytes() < 8) {
      return false;
    }
    long length = in.getUnsignedInt(start + 4);
    if (length > maxCutText) {
      throw new ProtocolException("ClientCutText of " + length + " bytes exceeds the limit of "
          + maxCutText + " (maxCutText)");
    }
    if (length > STREAMED_ABOVE) {
      return startCutTextBody(in, (int) length);
    }
    if (in.readableBytes() < 8 + length) {
      return false;
    }
    in.skipBytes(8);
    byte[] text = new byte[(int) length];
    in.readBytes(text);
    handler.clientCutText(text);
    return true;
  }

  private boolean startCutTextBody(ByteBuf in, int length) {
    ClientMessageHandler.CutTextAdmission admission = handler.admitCutText(length);
    if (admission == ClientMessageHandler.CutTextAdmission.WAIT) {
      return false;
    }
    in.skipBytes(8);
    cutBody = admission == ClientMessageHandler.CutTextAdmission.ACCEPT ? new byte[length] : null;
    cutRemaining = length;
    cutFilled = 0;
    return readCutTextBody(in);
  }

  /** Takes what has come of the body; true once all of it is in. */
  private boolean readCutTextBody(ByteBuf in) {
    int n = Math.min(cutRemaining, in.readableBytes());
    if (cutBody != null) {
      in.readBytes(cutBody, cutFilled, n);
    } else {
      in.skipBytes(n);
    }
    cutFilled += n;
    cutRemaining -= n;
    if (cutRemaining > 0) {
      return false;
    }
    byte[] text = cutBody;
    cutBody = null;
    if (text != null) {
      handler.clientCutText(text);
    }
    return true;
  }
}
