package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * TightPNG encoding (-260, libvncserver's and noVNC's Tight variant): Tight's compression-control
 * byte with FillCompression (1000, one TPIXEL), JpegCompression (1001) and, in place of basic
 * compression, PNG (1010: a compact length and a PNG image); see {@link TightImages}. Basic
 * compression (0xxx) does not exist in TightPNG and is refused, as is any other nibble. The reset
 * bits are allowed and mean nothing, since TightPNG keeps no zlib stream in the client. Tight's
 * 2048-pixel width limit applies.
 */
public final class TightPngDecoder implements RectangleDecoder {

  private static final int FILL = 0x8;
  private static final int JPEG = 0x9;
  private static final int PNG = 0xA;

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    TightDecoder.checkWidth(rect, "TightPNG");
    int control = in.readU8();
    int method = control >>> 4;
    if (method == FILL) {
      TightDecoder.fill(in, rect, fb);
    } else if (method == JPEG) {
      TightImages.jpeg(in, rect, fb, "TightPNG");
    } else if (method == PNG) {
      TightImages.png(in, rect, fb);
    } else {
      throw new RfbProtocolException("bad TightPNG compression control 0x"
          + Integer.toHexString(control) + " in " + rect
          + (method < FILL ? ": TightPNG has no basic compression" : ""));
    }
  }
}
