package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Hextile encoding (5, RFC 6143 7.7.4, rfbproto "Hextile Encoding"): 16x16 tiles, left to right
 * and top to bottom, the last column and row smaller. Each tile starts with a subencoding mask:
 * Raw (1), BackgroundSpecified (2), ForegroundSpecified (4), AnySubrects (8), SubrectsColoured
 * (16). "If the Raw bit is set then the other bits are irrelevant; width * height pixel values
 * follow"; otherwise an optional background PIXEL, foreground PIXEL, U8 subrectangle count and
 * the subrectangles (PIXEL if coloured, then x-and-y-position and width-and-height nibbles, width
 * and height stored minus one).
 *
 * <p>Carry-over rules enforced, from rfbproto: "The first non-raw tile in a rectangle must have
 * [BackgroundSpecified] set"; "the background pixel value may not be carried over if the
 * previous tile was raw"; "The foreground pixel value may not be carried over if the previous
 * tile was raw or had the SubrectsColored bit set. It may, however, be carried over from a
 * previous tile with the AnySubrects bit clear, as long as that tile itself carried over a valid
 * foreground"; "If [ForegroundSpecified] is set then the SubrectsColoured bit must be zero". A
 * carried-over foreground is only an error when a subrectangle needs it. Also refused: mask bits
 * above 16 (ZlibHex's bits are not Hextile's) and subrectangles outside their tile.
 */
public final class HextileDecoder implements RectangleDecoder {

  static final int RAW = 1;
  static final int BACKGROUND_SPECIFIED = 2;
  static final int FOREGROUND_SPECIFIED = 4;
  static final int ANY_SUBRECTS = 8;
  static final int SUBRECTS_COLOURED = 16;
  private static final int TILE = 16;

  private final byte[] pixel = new byte[4];
  private int background;
  private int foreground;
  private boolean backgroundValid;
  private boolean foregroundValid;

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    PixelDecoder pixels = fb.pixelDecoder();
    backgroundValid = false;
    foregroundValid = false;
    for (int ty = 0; ty < rect.height(); ty += TILE) {
      int th = Math.min(TILE, rect.height() - ty);
      for (int tx = 0; tx < rect.width(); tx += TILE) {
        int tw = Math.min(TILE, rect.width() - tx);
        tile(in, fb, pixels, rect.x() + tx, rect.y() + ty, tw, th);
      }
    }
  }

  private void tile(RfbInput in, Framebuffer fb, PixelDecoder pixels, int x, int y, int w, int h)
      throws IOException {
    int mask = in.readU8();
    if (mask > (RAW | BACKGROUND_SPECIFIED | FOREGROUND_SPECIFIED | ANY_SUBRECTS | SUBRECTS_COLOURED)) {
      throw new RfbProtocolException("bad Hextile subencoding " + mask + " in the tile at "
          + x + "," + y);
    }
    if ((mask & RAW) != 0) {
      rawTile(in, fb, pixels, x, y, w, h);
      backgroundValid = false;
      foregroundValid = false;
      return;
    }
    if ((mask & BACKGROUND_SPECIFIED) != 0) {
      background = readPixel(in, pixels);
      backgroundValid = true;
    } else if (!backgroundValid) {
      throw new RfbProtocolException("the Hextile tile at " + x + "," + y + " carries over a"
          + " background, but it is the first non-raw tile of its rectangle or follows a raw tile");
    }
    if ((mask & FOREGROUND_SPECIFIED) != 0) {
      if ((mask & SUBRECTS_COLOURED) != 0) {
        throw new RfbProtocolException("the Hextile tile at " + x + "," + y
            + " sets both ForegroundSpecified and SubrectsColoured");
      }
      foreground = readPixel(in, pixels);
      foregroundValid = true;
    }
    fb.fill(x, y, w, h, background);
    if ((mask & ANY_SUBRECTS) != 0) {
      subrects(in, fb, pixels, x, y, w, h, (mask & SUBRECTS_COLOURED) != 0);
    }
    if ((mask & SUBRECTS_COLOURED) != 0) {
      foregroundValid = false;
    }
  }

  private void subrects(RfbInput in, Framebuffer fb, PixelDecoder pixels, int x, int y, int w,
      int h, boolean coloured) throws IOException {
    int count = in.readU8();
    if (!coloured && count > 0 && !foregroundValid) {
      throw new RfbProtocolException("the Hextile tile at " + x + "," + y + " carries over a"
          + " foreground, but no tile since the last raw or SubrectsColoured tile set one");
    }
    int bpp = coloured ? pixels.bytesPerPixel() : 0;
    int size = bpp + 2;
    byte[] b = fb.scratch(count * size);
    in.readFully(b, 0, count * size);
    for (int i = 0; i < count; i++) {
      int off = i * size;
      int rgb = coloured ? pixels.rgb(pixels.value(b, off)) : foreground;
      int xy = b[off + bpp] & 0xFF;
      int wh = b[off + bpp + 1] & 0xFF;
      int sx = xy >>> 4;
      int sy = xy & 0xF;
      int sw = (wh >>> 4) + 1;
      int sh = (wh & 0xF) + 1;
      if (sx + sw > w || sy + sh > h) {
        throw new RfbProtocolException("Hextile subrectangle " + sx + "," + sy + " " + sw + "x"
            + sh + " lies outside the " + w + "x" + h + " tile at " + x + "," + y);
      }
      fb.fill(x + sx, y + sy, sw, sh, rgb);
    }
  }

  private static void rawTile(RfbInput in, Framebuffer fb, PixelDecoder pixels, int x, int y,
      int w, int h) throws IOException {
    int rowBytes = w * pixels.bytesPerPixel();
    byte[] b = fb.scratch(rowBytes * h);
    in.readFully(b, 0, rowBytes * h);
    int[] dst = fb.buffer();
    for (int row = 0; row < h; row++) {
      pixels.decode(b, row * rowBytes, dst, (y + row) * fb.width() + x, w);
    }
  }

  private int readPixel(RfbInput in, PixelDecoder pixels) throws IOException {
    in.readFully(pixel, 0, pixels.bytesPerPixel());
    return pixels.rgb(pixels.value(pixel, 0));
  }
}
