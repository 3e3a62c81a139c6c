package org.plugvnc.interop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the X Window Dump format that {@code xwd} writes, for the TrueColor ZPixmap dumps an X
 * server at depth 24 (or 16) produces. Written from the format's definition (X11 XWDFile.h): a
 * header of big-endian 32-bit fields, the window name, {@code ncolors} 12-byte colour entries,
 * then the pixels in the byte order the header states.
 */
public final class XwdImage {

  private static final int HEADER_FIELDS = 25;
  private static final int Z_PIXMAP = 2;
  private static final int TRUE_COLOR = 4;
  private static final int DIRECT_COLOR = 5;
  private static final int MAX_SIDE = 16384;

  private XwdImage() {}

  /**
   * Decodes a dump into an RGB image.
   *
   * @throws IOException when the data is not an XWD version 7 TrueColor/DirectColor ZPixmap of
   *     8, 16, 24 or 32 bits per pixel, or is cut short
   */
  public static BufferedImage decode(byte[] data) throws IOException {
    if (data.length < HEADER_FIELDS * 4) {
      throw new IOException("too short for an XWD header: " + data.length + " bytes");
    }
    ByteBuffer header = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    int[] field = new int[HEADER_FIELDS];
    for (int i = 0; i < HEADER_FIELDS; i++) {
      field[i] = header.getInt();
    }
    int headerSize = field[0];
    int version = field[1];
    int format = field[2];
    int width = field[4];
    int height = field[5];
    int byteOrder = field[7];
    int bitsPerPixel = field[11];
    int bytesPerLine = field[12];
    int visualClass = field[13];
    int redMask = field[14];
    int greenMask = field[15];
    int blueMask = field[16];
    int colours = field[19];
    if (version != 7 || format != Z_PIXMAP) {
      throw new IOException("not an XWD v7 ZPixmap (version " + version + ", format " + format + ")");
    }
    if (visualClass != TRUE_COLOR && visualClass != DIRECT_COLOR) {
      throw new IOException("unsupported visual class " + visualClass + " (need TrueColor)");
    }
    if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
        || bitsPerPixel % 8 != 0 || bitsPerPixel < 8 || bitsPerPixel > 32
        || bytesPerLine < width * (bitsPerPixel / 8) || colours < 0 || headerSize < 100) {
      throw new IOException("implausible XWD header: " + width + "x" + height + ", "
          + bitsPerPixel + " bpp, " + bytesPerLine + " bytes per line, " + colours + " colours");
    }
    long pixelsAt = (long) headerSize + 12L * colours;
    if (pixelsAt + (long) bytesPerLine * height > data.length) {
      throw new IOException("XWD data cut short: " + data.length + " bytes");
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteBuffer pixels =
        ByteBuffer.wrap(data).order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    Channel red = new Channel(redMask);
    Channel green = new Channel(greenMask);
    Channel blue = new Channel(blueMask);
    int bytesPerPixel = bitsPerPixel / 8;
    for (int y = 0; y < height; y++) {
      int row = (int) (pixelsAt + (long) y * bytesPerLine);
      for (int x = 0; x < width; x++) {
        int value = readPixel(pixels, row + x * bytesPerPixel, bytesPerPixel, byteOrder == 0);
        image.setRGB(x, y, red.of(value) << 16 | green.of(value) << 8 | blue.of(value));
      }
    }
    return image;
  }

  private static int readPixel(ByteBuffer data, int at, int bytes, boolean littleEndian) {
    int value = 0;
    for (int i = 0; i < bytes; i++) {
      int b = data.get(at + i) & 0xFF;
      value |= littleEndian ? b << (8 * i) : b << (8 * (bytes - 1 - i));
    }
    return value;
  }

  /** One colour channel: its mask, scaled to 0..255. */
  private record Channel(int mask, int shift, int max) {

    Channel(int mask) {
      this(mask, Integer.numberOfTrailingZeros(mask), mask == 0 ? 0 : mask >>> Integer.numberOfTrailingZeros(mask));
    }

    int of(int pixel) {
      if (max == 0) {
        return 0;
      }
      return ((pixel & mask) >>> shift) * 255 / max;
    }
  }
}
