package org.plugvnc.encoders.tight.internal;

import java.util.Arrays;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * The data of Tight's PaletteFilter and GradientFilter, appended to a {@link ByteSink}.
 *
 * <p>PaletteFilter, rfbproto: "If the number of colors is 2, then each pixel is encoded in 1 bit,
 * otherwise 8 bits are used to encode one pixel. 1-bit encoding is performed such way that the most
 * significant bits correspond to the leftmost pixels, and each row of pixels is aligned to the byte
 * boundary."
 *
 * <p>GradientFilter, rfbproto: "P[i,j] := V[i-1,j] + V[i,j-1] - V[i-1,j-1]; if (P[i,j] &lt; 0) then
 * P[i,j] := 0; if (P[i,j] &gt; MAX) then P[i,j] := MAX; D[i,j] := V[i,j] - P[i,j]; Here V[i,j] is
 * the intensity of a color component [...]. For pixels outside the current rectangle, V[i,j] is
 * assumed to be zero [...]. MAX is the maximum intensity value for a color component." D is sent
 * modulo MAX + 1 in the component's field of a TPIXEL.
 */
final class TightFilters {

  private final int[] previousRow = new int[TightWire.MAX_WIDTH];
  private final int[] currentRow = new int[TightWire.MAX_WIDTH];

  /** Appends the 1-bit rows of a two-colour rectangle: 0 for palette colour 0, 1 for the other. */
  static void mono(EncodeRequest request, int background, ByteSink sink) {
    Rect rect = request.rect();
    int width = rect.width();
    int rowBytes = (width + 7) / 8;
    byte[] b = sink.reserve(rowBytes * rect.height());
    int p = sink.size();
    int[] px = request.pixels();
    for (int row = 0; row < rect.height(); row++) {
      int i = request.offset() + row * request.stride();
      for (int x = 0; x < width; x += 8) {
        int bits = 0;
        int n = Math.min(8, width - x);
        for (int k = 0; k < n; k++) {
          bits = bits << 1 | (px[i++] != background ? 1 : 0);
        }
        b[p++] = (byte) (bits << (8 - n));
      }
    }
    sink.advance(p - sink.size());
  }

  /** Appends one 8-bit palette index per pixel. */
  static void indexes(EncodeRequest request, Palette palette, ByteSink sink) {
    Rect rect = request.rect();
    byte[] b = sink.reserve(rect.width() * rect.height());
    int p = sink.size();
    int[] px = request.pixels();
    int previous = px[request.offset()];
    byte index = (byte) palette.indexOf(previous);
    for (int row = 0; row < rect.height(); row++) {
      int i = request.offset() + row * request.stride();
      for (int end = i + rect.width(); i < end; i++) {
        int c = px[i];
        if (c != previous) {
          previous = c;
          index = (byte) palette.indexOf(c);
        }
        b[p++] = index;
      }
    }
    sink.advance(p - sink.size());
  }

  /**
   * Appends the gradient-filtered TPIXELs; only for {@link TightPixels#hasComponents()} formats and
   * rectangles at most {@value TightWire#MAX_WIDTH} wide.
   */
  void gradient(EncodeRequest request, TightPixels pixels, ByteSink sink) {
    if (pixels.threeBytes()) {
      gradientRgb(request, sink);
    } else {
      gradientValues(request, pixels, sink);
    }
  }

  /** The 3-byte case: components are the colour's 8-bit components. */
  private static void gradientRgb(EncodeRequest request, ByteSink sink) {
    Rect rect = request.rect();
    int width = rect.width();
    byte[] b = sink.reserve(width * rect.height() * 3);
    int p = sink.size();
    int[] px = request.pixels();
    int stride = request.stride();
    for (int row = 0; row < rect.height(); row++) {
      int i = request.offset() + row * stride;
      for (int x = 0; x < width; x++, i++) {
        int left = x > 0 ? px[i - 1] : 0;
        int up = row > 0 ? px[i - stride] : 0;
        int upLeft = x > 0 && row > 0 ? px[i - stride - 1] : 0;
        int c = px[i];
        b[p] = (byte) ((c >>> 16 & 0xFF) - predict(left >>> 16 & 0xFF, up >>> 16 & 0xFF,
            upLeft >>> 16 & 0xFF, 0xFF));
        b[p + 1] = (byte) ((c >>> 8 & 0xFF) - predict(left >>> 8 & 0xFF, up >>> 8 & 0xFF,
            upLeft >>> 8 & 0xFF, 0xFF));
        b[p + 2] = (byte) ((c & 0xFF) - predict(left & 0xFF, up & 0xFF, upLeft & 0xFF, 0xFF));
        p += 3;
      }
    }
    sink.advance(p - sink.size());
  }

  /** Other true-colour formats: components are the fields of the viewer's pixel values. */
  private void gradientValues(EncodeRequest request, TightPixels pixels, ByteSink sink) {
    Rect rect = request.rect();
    PixelFormat f = pixels.format();
    int width = rect.width();
    int bytes = f.bytesPerPixel();
    byte[] b = sink.reserve(width * rect.height() * bytes);
    int p = sink.size();
    int[] up = previousRow;
    int[] current = currentRow;
    Arrays.fill(up, 0, width, 0);
    for (int row = 0; row < rect.height(); row++) {
      pixelValues(request, pixels, row, current);
      for (int x = 0; x < width; x++) {
        int left = x > 0 ? current[x - 1] : 0;
        int upLeft = x > 0 ? up[x - 1] : 0;
        int v = current[x];
        int d = component(v, left, up[x], upLeft, f.redMax(), f.redShift())
            | component(v, left, up[x], upLeft, f.greenMax(), f.greenShift())
            | component(v, left, up[x], upLeft, f.blueMax(), f.blueShift());
        pixels.putValue(b, p, d);
        p += bytes;
      }
      int[] swap = up;
      up = current;
      current = swap;
    }
    sink.advance(p - sink.size());
  }

  /** The rectangle's row {@code row} as pixel values, asking the writer once per run of a colour. */
  private static void pixelValues(EncodeRequest request, TightPixels pixels, int row, int[] into) {
    int[] px = request.pixels();
    int i = request.offset() + row * request.stride();
    int previous = px[i];
    int value = pixels.writer().pixelValue(previous);
    for (int x = 0; x < request.rect().width(); x++, i++) {
      if (px[i] != previous) {
        previous = px[i];
        value = pixels.writer().pixelValue(previous);
      }
      into[x] = value;
    }
  }

  /** D for one component field of pixel value {@code v}, back in its field. */
  private static int component(int v, int left, int up, int upLeft, int max, int shift) {
    int predicted = predict(left >>> shift & max, up >>> shift & max, upLeft >>> shift & max, max);
    return ((v >>> shift & max) - predicted & max) << shift;
  }

  private static int predict(int left, int up, int upLeft, int max) {
    int p = left + up - upLeft;
    return p < 0 ? 0 : Math.min(p, max);
  }
}
