package org.plugvnc.engine.internal.update;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;

/**
 * A viewer's framebuffer that applies FramebufferUpdate messages as a viewer would, decoding them
 * from the spec (RFC 6143 7.6.1, 7.7.1 Raw, 7.7.2 CopyRect, 7.8.1 Cursor, 7.8.2 DesktopSize;
 * rfbproto's LastRect) and independently of the engine's writers. Encoding numbers named with
 * {@link #rawPayload} are read as Raw: the test encoders of {@link TestFactory} write Raw pixels
 * under the number the selector chose, so the choice shows on the wire and the pixels still decode.
 */
final class ViewerModel {

  /** One rectangle header as read from the wire. */
  record Header(int x, int y, int width, int height, int encoding) {
    Rect rect() {
      return new Rect(x, y, width, height);
    }
  }

  /** CopyRect (RFC 6143 7.7.2) as the spec says: the source position as two U16s. */
  static final class SpecCopyRectEncoder implements Encoder {
    @Override
    public void encode(EncodeRequest request, RfbOutput out) {
      Point src = request.copySource();
      out.writeU16(src.x());
      out.writeU16(src.y());
    }
  }

  final int width;
  final int height;
  final int[] pixels;
  private final PixelFormat format;
  private final int[] colourMap;
  private final Set<Integer> rawPayload = new HashSet<>(List.of(0));
  private boolean lastRect;

  ViewerModel(int width, int height, PixelFormat format, int[] colourMap) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
    this.format = format;
    this.colourMap = colourMap;
  }

  /** Reads rectangles of {@code encodings} as Raw ({@link TestFactory}'s); returns this. */
  ViewerModel rawPayload(int... encodings) {
    for (int e : encodings) {
      rawPayload.add(e);
    }
    return this;
  }

  /** This viewer listed LastRect; returns this. */
  ViewerModel lastRect() {
    this.lastRect = true;
    return this;
  }

  /**
   * Applies one whole FramebufferUpdate; returns its rectangle headers in wire order, a closing
   * LastRect included. rfbproto: a viewer that listed LastRect reads a count of 65535 as "until a
   * LastRect rectangle", which carries no data; any other count is the number of rectangles.
   */
  List<Header> apply(ByteBuf in) {
    if (in.readUnsignedByte() != 0) {
      throw new AssertionError("not a FramebufferUpdate");
    }
    in.skipBytes(1);
    int count = in.readUnsignedShort();
    boolean untilLastRect = lastRect && count == 0xFFFF;
    List<Header> headers = new ArrayList<>();
    for (int i = 0; untilLastRect || i < count; i++) {
      Header h = new Header(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(),
          in.readUnsignedShort(), in.readInt());
      headers.add(h);
      if (untilLastRect && h.encoding() == -224) {
        break;
      }
      body(h, in);
    }
    if (in.isReadable()) {
      throw new AssertionError(in.readableBytes() + " bytes after the last rectangle");
    }
    return headers;
  }

  private void body(Header h, ByteBuf in) {
    int bpp = format.bitsPerPixel() / 8;
    if (rawPayload.contains(h.encoding())) {
      raw(h, in, bpp);
      return;
    }
    switch (h.encoding()) {
      case 1 -> copy(in.readUnsignedShort(), in.readUnsignedShort(), h.rect());
      case -223 -> { } // DesktopSize: no payload
      case -239 -> in.skipBytes(h.width() * h.height() * bpp + (h.width() + 7) / 8 * h.height());
      default -> throw new AssertionError("unexpected encoding " + h.encoding());
    }
  }

  private void raw(Header h, ByteBuf in, int bpp) {
    if (h.x() + h.width() > width || h.y() + h.height() > height) {
      throw new AssertionError(h + " outside " + width + "x" + height);
    }
    byte[] raw = new byte[h.width() * h.height() * bpp];
    in.readBytes(raw);
    int[] c = PixelDecoder.colours(raw, 0, h.width() * h.height(), format, colourMap);
    for (int y = 0; y < h.height(); y++) {
      System.arraycopy(c, y * h.width(), pixels, (h.y() + y) * width + h.x(), h.width());
    }
  }

  /** CopyRect: the source block as it was before this rectangle, even where it overlaps. */
  void copy(int sx, int sy, Rect target) {
    int[] block = new int[target.width() * target.height()];
    for (int y = 0; y < target.height(); y++) {
      System.arraycopy(pixels, (sy + y) * width + sx, block, y * target.width(), target.width());
    }
    for (int y = 0; y < target.height(); y++) {
      System.arraycopy(block, y * target.width(), pixels, (target.y() + y) * width + target.x(),
          target.width());
    }
  }
}
