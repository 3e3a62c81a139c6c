package org.plugvnc.interop;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntBinaryOperator;

/**
 * Writes an XWD file (X11's {@code XWDFile.h}, version 7) that {@code xwud} shows: a 24-bit
 * TrueColor ZPixmap, 32 bits a pixel, most significant byte first, no colour map.
 */
public final class XwdWriter {

  private static final int VERSION = 7;
  private static final int Z_PIXMAP = 2;
  private static final int MSB_FIRST = 1;
  private static final int TRUE_COLOR = 4;

  private XwdWriter() {}

  /** A {@code width x height} image whose pixel (x, y) is {@code rgb.applyAsInt(x, y)}. */
  public static byte[] write(int width, int height, IntBinaryOperator rgb) {
    byte[] name = "plugvnc\0".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(100 + width * height * 4);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      int[] header = {
        100 + name.length, VERSION, Z_PIXMAP, 24, width, height, 0,
        MSB_FIRST, 32, MSB_FIRST, 32, 32, width * 4,
        TRUE_COLOR, 0xFF0000, 0x00FF00, 0x0000FF, 8, 256, 0,
        width, height, 0, 0, 0
      };
      for (int field : header) {
        out.writeInt(field);
      }
      out.write(name);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          out.writeInt(rgb.applyAsInt(x, y) & 0xFFFFFF);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
