package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * Tight's pixel type in one viewer format. rfbproto: "TPIXEL (Tight pixel). This is the same as a
 * PIXEL for the agreed pixel format, except where true-colour-flag is non-zero, bits-per-pixel is
 * 32, depth is 24 and all of the bits making up the red, green and blue intensities are exactly 8
 * bits wide. In this case a TPIXEL is only 3 bytes long, where the first byte is the red component,
 * the second byte is the green component, and the third byte is the blue component".
 *
 * <p>In the 3-byte case the components are the colour's own 8-bit components (a field whose
 * maximum is 255 holds the component unchanged), so they are taken straight from the 0x00RRGGBB
 * ints; otherwise the session's {@link PixelWriter} makes the pixel values.
 */
final class TightPixels {

  private final PixelWriter writer;
  private final PixelFormat format;
  private final boolean threeBytes;

  TightPixels(PixelWriter writer) {
    this.writer = writer;
    this.format = writer.format();
    this.threeBytes = isThreeBytes(format);
  }

  /** Whether TPIXELs of {@code f} are 3 bytes, R, G, B. */
  static boolean isThreeBytes(PixelFormat f) {
    return f.trueColour() && f.bitsPerPixel() == 32 && f.depth() == 24
        && f.redMax() == 255 && f.greenMax() == 255 && f.blueMax() == 255;
  }

  PixelWriter writer() {
    return writer;
  }

  PixelFormat format() {
    return format;
  }

  boolean threeBytes() {
    return threeBytes;
  }

  /** Bytes in one TPIXEL: 3, or the format's bytes per pixel. */
  int size() {
    return threeBytes ? 3 : format.bytesPerPixel();
  }

  /**
   * Whether the format takes JPEG and the gradient filter: "JpegCompression may only be used when
   * bits-per-pixel is either 16 or 32", "The GradientFilter may only be used when bits-per-pixel is
   * either 16 or 32"; both need colour components, so true colour.
   */
  boolean hasComponents() {
    return format.trueColour() && (format.bitsPerPixel() == 16 || format.bitsPerPixel() == 32);
  }

  /** Appends one colour as a TPIXEL. */
  void writeColour(int rgb, ByteSink sink) {
    if (threeBytes) {
      byte[] b = sink.reserve(3);
      int p = sink.size();
      b[p] = (byte) (rgb >>> 16);
      b[p + 1] = (byte) (rgb >>> 8);
      b[p + 2] = (byte) rgb;
      sink.advance(3);
    } else {
      writer.writePixelValue(writer.pixelValue(rgb), sink);
    }
  }

  /** Appends the rectangle's pixels as TPIXELs, row by row: the CopyFilter's data. */
  void copy(EncodeRequest request, ByteSink sink) {
    Rect rect = request.rect();
    int[] px = request.pixels();
    if (!threeBytes) {
      for (int row = 0; row < rect.height(); row++) {
        writer.writePixels(px, request.offset() + row * request.stride(), rect.width(), sink);
      }
      return;
    }
    byte[] b = sink.reserve(rect.width() * rect.height() * 3);
    int p = sink.size();
    for (int row = 0; row < rect.height(); row++) {
      int i = request.offset() + row * request.stride();
      for (int end = i + rect.width(); i < end; i++) {
        int c = px[i];
        b[p] = (byte) (c >>> 16);
        b[p + 1] = (byte) (c >>> 8);
        b[p + 2] = (byte) c;
        p += 3;
      }
    }
    sink.advance(p - sink.size());
  }

  /** Writes pixel value {@code v} into {@code b} at {@code p} in the format's size and byte order. */
  void putValue(byte[] b, int p, int v) {
    int bytes = format.bytesPerPixel();
    if (bytes == 1) {
      b[p] = (byte) v;
    } else if (bytes == 2) {
      b[p + (format.bigEndian() ? 0 : 1)] = (byte) (v >>> 8);
      b[p + (format.bigEndian() ? 1 : 0)] = (byte) v;
    } else if (format.bigEndian()) {
      b[p] = (byte) (v >>> 24);
      b[p + 1] = (byte) (v >>> 16);
      b[p + 2] = (byte) (v >>> 8);
      b[p + 3] = (byte) v;
    } else {
      b[p] = (byte) v;
      b[p + 1] = (byte) (v >>> 8);
      b[p + 2] = (byte) (v >>> 16);
      b[p + 3] = (byte) (v >>> 24);
    }
  }
}
