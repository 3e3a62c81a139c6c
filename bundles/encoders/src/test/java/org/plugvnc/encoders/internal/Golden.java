package org.plugvnc.encoders.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestRequests;

/** Small pictures drawn as text and expected payloads written out byte by byte. */
final class Golden {

  static final int W = 0xFFFFFF;
  static final int K = 0x000000;
  static final int R = 0xFF0000;
  static final int G = 0x00FF00;
  static final int B = 0x0000FF;

  private static final Map<Character, Integer> COLOURS = Map.of('W', W, 'K', K, 'R', R, 'G', G,
      'B', B);

  private Golden() {}

  /** A picture from rows of letters W, K, R, G, B (white, black, red, green, blue). */
  static int[] picture(String... rows) {
    int width = rows[0].length();
    int[] picture = new int[width * rows.length];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < width; x++) {
        picture[y * width + x] = COLOURS.get(rows[y].charAt(x));
      }
    }
    return picture;
  }

  /** The payload {@code encoder} writes for the whole {@code width}-wide picture. */
  static byte[] encode(Encoder encoder, int[] picture, int width, PixelFormat format) {
    Rect rect = new Rect(0, 0, width, picture.length / width);
    return encode(encoder, TestRequests.plain(rect, picture, width, Formats.writer(format)));
  }

  static byte[] encode(Encoder encoder, EncodeRequest request) {
    CapturingOutput out = new CapturingOutput();
    encoder.encode(request, out);
    return out.bytes();
  }

  /** Expected bytes, built from the spec's field layouts. */
  static final class Bytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** U8 fields. */
    Bytes u8(int... values) {
      for (int v : values) {
        bytes.write(v);
      }
      return this;
    }

    /** A U16 field, big-endian. */
    Bytes u16(int v) {
      return u8(v >>> 8 & 0xFF, v & 0xFF);
    }

    /** A U32 field, big-endian. */
    Bytes u32(int v) {
      return u16(v >>> 16).u16(v & 0xFFFF);
    }

    /** A 32-bit RGB888 little-endian pixel: blue, green, red, padding. */
    Bytes le(int rgb) {
      return u8(rgb & 0xFF, rgb >> 8 & 0xFF, rgb >> 16 & 0xFF, 0);
    }

    /** A 32-bit RGB888 big-endian pixel: padding, red, green, blue. */
    Bytes be(int rgb) {
      return u8(0, rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    byte[] build() {
      return bytes.toByteArray();
    }
  }

  static Bytes bytes() {
    return new Bytes();
  }
}
