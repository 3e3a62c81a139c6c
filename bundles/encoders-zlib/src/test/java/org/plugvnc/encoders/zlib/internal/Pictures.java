package org.plugvnc.encoders.zlib.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestRequests;

/** Small hand-made pictures and byte lists for golden tests. */
final class Pictures {

  private Pictures() {}

  /**
   * A picture drawn with one letter per pixel, one string per row, each letter standing for the
   * colour {@code colours} gives it.
   */
  static int[] drawn(Map<Character, Integer> colours, String... rows) {
    int width = rows[0].length();
    int[] px = new int[width * rows.length];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < width; x++) {
        px[y * width + x] = colours.get(rows[y].charAt(x));
      }
    }
    return px;
  }

  /** A {@code width} x {@code height} picture of one colour. */
  static int[] filled(int width, int height, int colour) {
    int[] px = new int[width * height];
    Arrays.fill(px, colour);
    return px;
  }

  /** Bytes from ints 0..255, for writing expected bytes as numbers. */
  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** Concatenates byte arrays. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The payload {@code encoder} writes for the whole {@code width}-wide picture, no analysis. */
  static byte[] encode(Encoder encoder, int[] px, int width, PixelFormat format) {
    return encode(encoder, px, width, new Rect(0, 0, width, px.length / width), format);
  }

  /** The payload {@code encoder} writes for {@code rect} of the picture, no analysis. */
  static byte[] encode(Encoder encoder, int[] px, int width, Rect rect, PixelFormat format) {
    PixelWriter writer = Formats.writer(format);
    CapturingOutput out = new CapturingOutput();
    encoder.encode(TestRequests.plain(rect, px, width, writer), out);
    return out.bytes();
  }
}
