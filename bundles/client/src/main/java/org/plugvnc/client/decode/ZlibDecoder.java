package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Zlib encoding (6, rfbproto "zlib Encoding"): U32 length, then length bytes of zlibData which,
 * "when uncompressed, represents a rectangle according to the Raw Encoding". "A single zlib
 * 'stream' object is used for a given RFB connection": this decoder keeps it.
 *
 * <p>The rectangle must inflate to exactly width * height * bytesPerPixel bytes; see
 * {@link ZlibStream} for the checks on the compressed data.
 */
public final class ZlibDecoder implements RectangleDecoder {

  private final ZlibStream stream = new ZlibStream("Zlib");
  private final InflateBuffer buffer = new InflateBuffer();

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    PixelDecoder pixels = fb.pixelDecoder();
    long length = in.readU32();
    int rowBytes = rect.width() * pixels.bytesPerPixel();
    int expected = Sizes.arrayLength((long) rowBytes * rect.height(), rect);
    buffer.ensure(expected, expected);
    int produced = stream.inflate(in, length, buffer, expected);
    if (produced != expected) {
      throw new RfbProtocolException("Zlib " + rect + " inflated to " + produced
          + " bytes; its raw pixels take " + expected);
    }
    byte[] b = buffer.bytes();
    int[] dst = fb.buffer();
    for (int y = 0; y < rect.height(); y++) {
      pixels.decode(b, y * rowBytes, dst, (rect.y() + y) * fb.width() + rect.x(), rect.width());
    }
  }

  @Override
  public void close() {
    stream.close();
  }
}
