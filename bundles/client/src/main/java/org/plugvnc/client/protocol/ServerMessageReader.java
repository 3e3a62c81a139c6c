package org.plugvnc.client.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.plugvnc.client.Bell;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.Limits;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.ServerCutText;
import org.plugvnc.client.ServerMessage;
import org.plugvnc.client.SetColourMapEntries;
import org.plugvnc.client.decode.ColourMap;
import org.plugvnc.client.decode.DecoderRegistry;
import org.plugvnc.client.decode.Framebuffer;
import org.plugvnc.client.decode.RectangleDecoder;

/**
 * Reads one server-to-client message (RFC 6143 7.6) and applies it to the client framebuffer:
 * rectangles through the decoder registry, colour-map entries into the colour map. Blocks until
 * the whole message is in. A FramebufferUpdate ends after its rectangle count or at a rectangle
 * whose decoder {@linkplain RectangleDecoder#endsUpdate() ends updates} (LastRect), whichever
 * comes first; a rectangle in an encoding the client never listed is a protocol error.
 */
public final class ServerMessageReader {

  private final DecoderRegistry decoders;
  private final Limits limits;

  /**
   * @param decoders the connection's decoders
   * @param limits bounds on lengths from the server
   */
  public ServerMessageReader(DecoderRegistry decoders, Limits limits) {
    this.decoders = decoders;
    this.limits = limits;
  }

  /**
   * @param in positioned at a message-type byte
   * @param fb the client framebuffer to update
   * @return the message, already applied
   * @throws RfbProtocolException on an unknown message type or encoding, a length above the
   *         limits, or a rectangle outside the framebuffer; the stream is then out of step
   * @throws IOException from the stream
   */
  public ServerMessage read(RfbInput in, Framebuffer fb) throws IOException {
    long startBytes = in.bytesRead();
    int type = in.readU8();
    long startNanos = System.nanoTime();
    switch (type) {
      case RfbNumbers.SERVER_FRAMEBUFFER_UPDATE:
        return framebufferUpdate(in, fb, startBytes, startNanos);
      case RfbNumbers.SERVER_SET_COLOUR_MAP_ENTRIES:
        return colourMapEntries(in, fb.colourMap());
      case RfbNumbers.SERVER_BELL:
        return new Bell();
      case RfbNumbers.SERVER_CUT_TEXT:
        in.skip(3);
        return new ServerCutText(in.readString(limits.maxCutTextLength(), "ServerCutText",
            StandardCharsets.ISO_8859_1));
      default:
        throw new RfbProtocolException("unknown server message type " + type);
    }
  }

  private FramebufferUpdate framebufferUpdate(RfbInput in, Framebuffer fb, long startBytes,
      long startNanos) throws IOException {
    in.skip(1);
    int count = in.readU16();
    // a LastRect update announces 65535 rectangles and sends a few: do not size by the count
    List<Rectangle> rects = new ArrayList<>(Math.min(count, 16));
    for (int i = 0; i < count; i++) {
      Rectangle r = new Rectangle(in.readU16(), in.readU16(), in.readU16(), in.readU16(),
          in.readS32());
      if (!fb.listedEncodings().allows(r.encoding())) {
        throw new RfbProtocolException("the server sent " + r + " in an encoding the client"
            + " never listed in SetEncodings");
      }
      RectangleDecoder decoder = decoders.get(r.encoding());
      decoder.decode(in, r, fb);
      rects.add(r);
      if (decoder.endsUpdate()) {
        break;
      }
    }
    return new FramebufferUpdate(rects, startNanos, System.nanoTime(),
        in.bytesRead() - startBytes);
  }

  private SetColourMapEntries colourMapEntries(RfbInput in, ColourMap map) throws IOException {
    in.skip(1);
    int first = in.readU16();
    int count = in.readU16();
    if (first + count > ColourMap.MAX_ENTRIES) {
      throw new RfbProtocolException("SetColourMapEntries " + first + "+" + count
          + " runs past entry 65535");
    }
    int[] rgb16 = new int[3 * count];
    for (int i = 0; i < rgb16.length; i++) {
      rgb16[i] = in.readU16();
    }
    SetColourMapEntries message = new SetColourMapEntries(first, rgb16);
    for (int i = 0; i < count; i++) {
      map.set(first + i, message.rgb(i));
    }
    return message;
  }
}
