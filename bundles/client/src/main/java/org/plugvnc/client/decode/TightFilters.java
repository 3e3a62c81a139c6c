package org.plugvnc.client.decode;

import java.util.Arrays;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;

/**
 * Tight's basic-compression filters, applied to the rectangle's data once it is inflated
 * (rfbproto "Tight Encoding"):
 *
 * <ul>
 * <li>CopyFilter: "raw pixel values in TPIXEL format";
 * <li>PaletteFilter: "If the number of colors is 2, then each pixel is encoded in 1 bit,
 *     otherwise 8 bits are used to encode one pixel. 1-bit encoding is performed such way that
 *     the most significant bits correspond to the leftmost pixels, and each row of pixels is
 *     aligned to the byte boundary"; an index past the palette is refused;
 * <li>GradientFilter: each colour component is sent as D = V - P with the prediction
 *     "P[i,j] := V[i-1,j] + V[i,j-1] - V[i-1,j-1]" clamped to 0..MAX and "For pixels outside the
 *     current rectangle, V[i,j] is assumed to be zero"; so V = (P + D) mod (MAX + 1). Components
 *     are the bytes of a 3-byte TPIXEL (MAX 255), else the pixel format's fields.
 * </ul>
 *
 * One per decoder: keeps two rows of components for the gradient (Tight rectangles are at most
 * 2048 wide).
 */
final class TightFilters {

  private final int[] previous = new int[3 * TightDecoder.MAX_WIDTH];
  private final int[] current = new int[3 * TightDecoder.MAX_WIDTH];

  /** @return the data size of the PaletteFilter for {@code colours} colours */
  static int paletteDataSize(int colours, Rectangle r) {
    return colours == 2 ? (r.width() + 7) / 8 * r.height() : r.width() * r.height();
  }

  static void copy(byte[] data, Rectangle r, Framebuffer fb, TightPixels tp) {
    int bytes = tp.bytes();
    int[] dst = fb.buffer();
    int s = 0;
    for (int y = 0; y < r.height(); y++) {
      int d = (r.y() + y) * fb.width() + r.x();
      for (int x = 0; x < r.width(); x++, s += bytes) {
        dst[d + x] = tp.rgb(data, s);
      }
    }
  }

  static void palette(byte[] data, Rectangle r, Framebuffer fb, int[] palette, int colours)
      throws RfbProtocolException {
    int[] dst = fb.buffer();
    int rowBytes = colours == 2 ? (r.width() + 7) / 8 : r.width();
    for (int y = 0; y < r.height(); y++) {
      int d = (r.y() + y) * fb.width() + r.x();
      int s = y * rowBytes;
      for (int x = 0; x < r.width(); x++) {
        int index = colours == 2
            ? (data[s + (x >>> 3)] >>> (7 - (x & 7))) & 1
            : data[s + x] & 0xFF;
        if (index >= colours) {
          throw new RfbProtocolException("Tight palette index " + index + " in " + r
              + " is past its " + colours + "-colour palette");
        }
        dst[d + x] = palette[index];
      }
    }
  }

  void gradient(byte[] data, Rectangle r, Framebuffer fb, TightPixels tp) {
    PixelDecoder pixels = tp.pixels();
    PixelFormat f = pixels.format();
    boolean rgb24 = tp.rgb24();
    int[] max = rgb24 ? new int[] {255, 255, 255}
        : new int[] {f.redMax(), f.greenMax(), f.blueMax()};
    int[] shift = {f.redShift(), f.greenShift(), f.blueShift()};
    int[] up = previous;
    int[] here = current;
    Arrays.fill(up, 0, 3 * r.width(), 0);
    int bytes = tp.bytes();
    int[] dst = fb.buffer();
    int s = 0;
    for (int y = 0; y < r.height(); y++) {
      int d = (r.y() + y) * fb.width() + r.x();
      for (int x = 0; x < r.width(); x++, s += bytes) {
        int value = rgb24 ? 0 : pixels.value(data, s);
        int out = 0;
        for (int c = 0; c < 3; c++) {
          int diff = rgb24 ? data[s + c] & 0xFF : (value >>> shift[c]) & max[c];
          int left = x > 0 ? here[3 * (x - 1) + c] : 0;
          int upLeft = x > 0 ? up[3 * (x - 1) + c] : 0;
          int predicted = Math.max(0, Math.min(max[c], left + up[3 * x + c] - upLeft));
          int v = (predicted + diff) % (max[c] + 1);
          here[3 * x + c] = v;
          out |= rgb24 ? v << (16 - 8 * c) : v << shift[c];
        }
        dst[d + x] = rgb24 ? out : pixels.rgb(out);
      }
      int[] t = up;
      up = here;
      here = t;
    }
  }
}
