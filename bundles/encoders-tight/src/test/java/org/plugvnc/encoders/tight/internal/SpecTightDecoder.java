package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.testsupport.Formats;

/**
 * A Tight and TightPNG decoder written from rfbproto.rst alone ("Tight Encoding", "Tight PNG
 * Encoding"), for one connection: it keeps the four zlib streams from rectangle to rectangle and
 * resets those the compression-control byte names. Colours come back as a viewer sees them:
 * 0x00RRGGBB, pixel values expanded as {@link Formats#seen} does, PNG images decoded by ImageIO and
 * stored in the viewer's format, JPEG images as ImageIO decodes them (for PSNR against the source).
 * TurboVNC's "Tight without zlib" is understood only when asked for.
 */
final class SpecTightDecoder {

  /** Which rectangles this decoder accepts. */
  enum Variant { TIGHT, TIGHT_WITHOUT_ZLIB, TIGHT_PNG }

  /** One decoded rectangle and how it was sent. */
  record Decoded(int[] rgb, String method, int resetBits, int stream, boolean zlib) {}

  private final PixelFormat format;
  private final Variant variant;
  private final Inflater[] streams = new Inflater[4];
  private final boolean threeByteTpixel;
  private byte[] in;
  private int pos;

  SpecTightDecoder(PixelFormat format, Variant variant) {
    this.format = format;
    this.variant = variant;
    // "true-colour-flag is non-zero, bits-per-pixel is 32, depth is 24 and all of the bits making
    // up the red, green and blue intensities are exactly 8 bits wide"
    threeByteTpixel = format.trueColour() && format.bitsPerPixel() == 32 && format.depth() == 24
        && format.redMax() == 255 && format.greenMax() == 255 && format.blueMax() == 255;
  }

  /** Decodes one rectangle's payload, which must be consumed exactly. */
  Decoded decode(byte[] payload, int width, int height) {
    in = payload;
    pos = 0;
    Decoded d = decodeRect(width, height);
    assertEquals(payload.length, pos, "bytes left after the rectangle");
    return d;
  }

  private Decoded decodeRect(int width, int height) {
    int control = u8();
    int resets = control & 0x0F;
    for (int i = 0; i < 4; i++) {
      if ((resets & 1 << i) != 0 && streams[i] != null) {
        streams[i].end();
        streams[i] = null;
      }
    }
    int type = control >>> 4;
    if (type == 0x8) {
      int colour = tpixel();
      int[] rgb = new int[width * height];
      java.util.Arrays.fill(rgb, colour);
      return new Decoded(rgb, "fill", resets, -1, false);
    }
    if (type == 0x9) {
      assertTrue(format.bitsPerPixel() == 16 || format.bitsPerPixel() == 32,
          "JpegCompression at " + format.bitsPerPixel() + " bpp");
      return new Decoded(image(width, height), "jpeg", resets, -1, false);
    }
    if (variant == Variant.TIGHT_PNG) {
      assertEquals(0xA, type, "TightPNG allows only fill, JPEG and PNG");
      // A PNG is lossless 24-bit colour; the viewer stores it in its own pixel format.
      int[] rgb = image(width, height);
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] = Formats.seen(format, rgb[i]);
      }
      return new Decoded(rgb, "png", resets, -1, false);
    }
    boolean withoutZlib = false;
    if (variant == Variant.TIGHT_WITHOUT_ZLIB && (type & 0xA) == 0xA) {
      withoutZlib = true;
      type &= ~0xA;
    }
    assertEquals(0, type & 0x8, "invalid compression-control 0x" + Integer.toHexString(control));
    return basic(type, resets, withoutZlib, width, height);
  }

  private Decoded basic(int type, int resets, boolean withoutZlib, int width, int height) {
    int stream = type & 0x3;
    int filter = (type & 0x4) != 0 ? u8() : 0;
    int[] palette = null;
    int rowBytes;
    if (filter == 1) {
      int colours = u8() + 1;
      assertTrue(colours >= 2, "a palette has 2..256 colours");
      palette = new int[colours];
      for (int i = 0; i < colours; i++) {
        palette[i] = tpixel();
      }
      rowBytes = colours == 2 ? (width + 7) / 8 : width;
    } else {
      assertTrue(filter == 0 || filter == 2, "filter-id " + filter);
      if (filter == 2) {
        assertTrue(format.bitsPerPixel() == 16 || format.bitsPerPixel() == 32,
            "GradientFilter at " + format.bitsPerPixel() + " bpp");
      }
      rowBytes = width * tpixelSize();
    }
    int size = rowBytes * height;
    byte[] data;
    boolean zlib = false;
    if (size < 12) {
      data = bytes(size);
    } else if (withoutZlib) {
      assertEquals(size, compactLength(), "uncompressed length");
      data = bytes(size);
    } else {
      data = inflate(stream, bytes(compactLength()), size);
      zlib = true;
    }
    int[] rgb = filter == 1 ? paletteFilter(data, palette, width, height)
        : filter == 2 ? gradientFilter(data, width, height) : copyFilter(data, width, height);
    String method = filter == 1 ? "palette" : filter == 2 ? "gradient" : "copy";
    return new Decoded(rgb, method, resets, zlib ? stream : -1, zlib);
  }

  private byte[] inflate(int stream, byte[] compressed, int size) {
    if (streams[stream] == null) {
      streams[stream] = new Inflater();
    }
    Inflater inflater = streams[stream];
    inflater.setInput(compressed);
    byte[] out = new byte[size + 1];
    try {
      int n = 0;
      while (n < size) {
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0) {
          fail("stream " + stream + " gave " + n + " of " + size + " bytes");
        }
        n += got;
      }
      assertEquals(size, n, "stream " + stream + " gave more than the rectangle");
      assertEquals(0, inflater.getRemaining(), "zlib data left over");
      assertEquals(0, inflater.inflate(out, 0, 1), "zlib stream ahead of the rectangle");
    } catch (DataFormatException e) {
      fail("stream " + stream + ": " + e.getMessage());
    }
    return java.util.Arrays.copyOf(out, size);
  }

  private int[] copyFilter(byte[] data, int width, int height) {
    int[] rgb = new int[width * height];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = tpixelAt(data, i * tpixelSize());
    }
    return rgb;
  }

  /** "the most significant bits correspond to the leftmost pixels, and each row [...] aligned". */
  private static int[] paletteFilter(byte[] data, int[] palette, int width, int height) {
    int[] rgb = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int index = palette.length == 2
            ? (data[y * ((width + 7) / 8) + x / 8] >> (7 - x % 8)) & 1
            : data[y * width + x] & 0xFF;
        assertTrue(index < palette.length, "index " + index + " beyond the palette");
        rgb[y * width + x] = palette[index];
      }
    }
    return rgb;
  }

  /**
   * "P[i,j] := V[i-1,j] + V[i,j-1] - V[i-1,j-1]", clamped to 0..MAX, "D[i,j] := V[i,j] - P[i,j]",
   * zero outside the rectangle; so V = P + D modulo MAX + 1.
   */
  private int[] gradientFilter(byte[] data, int width, int height) {
    int[] max = threeByteTpixel ? new int[] {255, 255, 255}
        : new int[] {format.redMax(), format.greenMax(), format.blueMax()};
    int[][] v = new int[3][width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int[] d = components(data, (y * width + x) * tpixelSize());
        for (int c = 0; c < 3; c++) {
          int left = x > 0 ? v[c][y * width + x - 1] : 0;
          int up = y > 0 ? v[c][(y - 1) * width + x] : 0;
          int upLeft = x > 0 && y > 0 ? v[c][(y - 1) * width + x - 1] : 0;
          int p = Math.max(0, Math.min(max[c], left + up - upLeft));
          v[c][y * width + x] = (p + d[c]) & max[c];
        }
      }
    }
    int[] rgb = new int[width * height];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = threeByteTpixel ? v[0][i] << 16 | v[1][i] << 8 | v[2][i]
          : toRgb(v[0][i] << format.redShift() | v[1][i] << format.greenShift()
              | v[2][i] << format.blueShift());
    }
    return rgb;
  }

  /** The red, green and blue fields of the TPIXEL at {@code p}. */
  private int[] components(byte[] data, int p) {
    if (threeByteTpixel) {
      return new int[] {data[p] & 0xFF, data[p + 1] & 0xFF, data[p + 2] & 0xFF};
    }
    int value = valueAt(data, p);
    return new int[] {value >>> format.redShift() & format.redMax(),
        value >>> format.greenShift() & format.greenMax(),
        value >>> format.blueShift() & format.blueMax()};
  }

  /** A JPEG or PNG: compact length, then the image, decoded by ImageIO. */
  private int[] image(int width, int height) {
    byte[] data = bytes(compactLength());
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(width, image.getWidth(), "image width");
    assertEquals(height, image.getHeight(), "image height");
    return rgbOf(image);
  }

  /** The image's colours; a one-band (gray) image's samples are taken as they are. */
  static int[] rgbOf(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] rgb = new int[width * height];
    Raster raster = image.getRaster();
    boolean gray = raster.getNumBands() == 1 && image.getColorModel().getNumComponents() == 1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int g = gray ? raster.getSample(x, y, 0) : 0;
        rgb[y * width + x] = gray ? g << 16 | g << 8 | g : image.getRGB(x, y) & 0xFFFFFF;
      }
    }
    return rgb;
  }

  /** "0xxxxxxx", "1xxxxxxx 0yyyyyyy", "1xxxxxxx 1yyyyyyy zzzzzzzz", least significant first. */
  private int compactLength() {
    int b = u8();
    int value = b & 0x7F;
    if ((b & 0x80) != 0) {
      b = u8();
      value |= (b & 0x7F) << 7;
      if ((b & 0x80) != 0) {
        value |= u8() << 14;
      }
    }
    return value;
  }

  private int tpixelSize() {
    return threeByteTpixel ? 3 : format.bitsPerPixel() / 8;
  }

  private int tpixel() {
    int colour = tpixelAt(in, pos);
    pos += tpixelSize();
    return colour;
  }

  private int tpixelAt(byte[] data, int p) {
    if (threeByteTpixel) {
      return (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | data[p + 2] & 0xFF;
    }
    return toRgb(valueAt(data, p));
  }

  private int valueAt(byte[] data, int p) {
    int bytes = format.bitsPerPixel() / 8;
    int value = 0;
    for (int i = 0; i < bytes; i++) {
      int b = data[p + (format.bigEndian() ? i : bytes - 1 - i)] & 0xFF;
      value = value << 8 | b;
    }
    return value;
  }

  /** A pixel value as the viewer shows it. */
  private int toRgb(int value) {
    if (!format.trueColour()) {
      return Formats.COLOUR_MAP[value];
    }
    return expand(value >>> format.redShift() & format.redMax(), format.redMax()) << 16
        | expand(value >>> format.greenShift() & format.greenMax(), format.greenMax()) << 8
        | expand(value >>> format.blueShift() & format.blueMax(), format.blueMax());
  }

  private static int expand(int value, int max) {
    return (int) Math.round(value * 255.0 / max);
  }

  private int u8() {
    assertTrue(pos < in.length, "payload ends early");
    return in[pos++] & 0xFF;
  }

  private byte[] bytes(int n) {
    assertTrue(pos + n <= in.length, "payload ends early: need " + n);
    byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }
}
