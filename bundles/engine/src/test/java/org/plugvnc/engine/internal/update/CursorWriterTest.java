package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.testsupport.Bytes;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;

/**
 * The Cursor pseudo-rectangle (RFC 6143 7.8.1): header with the hot spot as x, y and encoding
 * -239; width*height pixels in the client's format; then a bitmask of ((w+7)/8) bytes per row,
 * most significant bit leftmost, 1 for a visible pixel.
 */
class CursorWriterTest {

  private static final int W = 10;
  private static final int H = 3;

  /** Row 0 all opaque; row 1 alternating alpha 0x80 / 0x7F; row 2 only the last pixel opaque. */
  private static int[] argb() {
    int[] p = new int[W * H];
    for (int x = 0; x < W; x++) {
      int colour = (x * 0x1A2B3C + 0x102030) & 0xFFFFFF;
      p[x] = 0xFF000000 | colour;
      p[W + x] = (x % 2 == 0 ? 0x80000000 : 0x7F000000) | (colour ^ 0xFFFFFF);
      p[2 * W + x] = (x == W - 1 ? 0xFF000000 : x == 0 ? 0 : 0x40000000) | colour >> 1;
    }
    return p;
  }

  private static final byte[] MASK = of(
      0xFF, 0xC0,  // 11111111 11 (padding 0)
      0xAA, 0x80,  // 10101010 10
      0x00, 0x40); // 00000000 01

  @Test
  void cursorWithAlphaInTrueColour() {
    int[] argb = argb();
    CursorShape shape = new CursorShape(W, H, 4, 1, argb);
    PixelFormat f = PixelFormat.RGB888;
    ByteBuf out = Unpooled.buffer();
    CursorWriter.write(out, shape, PixelWriters.forFormat(f));
    byte[] b = Bytes.readable(out);
    assertEquals(12 + W * H * 4 + MASK.length, b.length);
    assertArrayEquals(of(0, 4, 0, 1, 0, 10, 0, 3, 0xFF, 0xFF, 0xFF, 0x11), Arrays.copyOf(b, 12));
    int[] pixels = PixelDecoder.colours(b, 12, W * H, f, null);
    for (int i = 0; i < W * H; i++) {
      assertEquals(argb[i] & 0xFFFFFF, pixels[i], "pixel " + i);
    }
    assertArrayEquals(MASK, Arrays.copyOfRange(b, 12 + W * H * 4, b.length),
        () -> Bytes.hex(Arrays.copyOfRange(b, 12 + W * H * 4, b.length)));
  }

  @Test
  void cursorIn565UsesTwoBytesPerPixel() {
    int[] argb = argb();
    PixelFormat f = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
    PixelWriter w = PixelWriters.forFormat(f);
    ByteBuf out = Unpooled.buffer();
    CursorWriter.write(out, new CursorShape(W, H, 9, 2, argb), w);
    byte[] b = Bytes.readable(out);
    assertEquals(12 + W * H * 2 + MASK.length, b.length);
    assertArrayEquals(of(0, 9, 0, 2, 0, 10, 0, 3, 0xFF, 0xFF, 0xFF, 0x11), Arrays.copyOf(b, 12));
    int[] pixels = PixelDecoder.colours(b, 12, W * H, f, null);
    for (int i = 0; i < W * H; i++) {
      int src = argb[i] & 0xFFFFFF;
      int got = pixels[i];
      assertTrue(PixelDecoder.near(src, got, PixelDecoder.tolerance(31), PixelDecoder.tolerance(63),
          PixelDecoder.tolerance(31)), () -> String.format("%06X as %06X", src, got));
    }
    assertArrayEquals(MASK, Arrays.copyOfRange(b, 12 + W * H * 2, b.length));
  }

  @Test
  void widthOfExactlyEightHasOneMaskBytePerRow() {
    int[] argb = new int[8 * 2];
    Arrays.fill(argb, 0, 8, 0xFFFFFFFF);
    argb[8] = 0xFF000000;
    ByteBuf out = Unpooled.buffer();
    CursorWriter.write(out, new CursorShape(8, 2, 0, 0, argb), PixelWriters.forFormat(PixelFormat.RGB888));
    byte[] b = Bytes.readable(out);
    assertEquals(12 + 16 * 4 + 2, b.length);
    assertArrayEquals(of(0xFF, 0x80), Arrays.copyOfRange(b, b.length - 2, b.length));
  }

  @Test
  void noCursorIsAnEmptyRectangle() {
    byte[] empty = of(0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x11);
    ByteBuf out = Unpooled.buffer();
    CursorWriter.write(out, null, PixelWriters.forFormat(PixelFormat.RGB888));
    assertArrayEquals(empty, Bytes.readable(out));
    ByteBuf zero = Unpooled.buffer();
    CursorWriter.write(zero, new CursorShape(0, 0, 0, 0, new int[0]), PixelWriters.forFormat(PixelFormat.RGB888));
    assertArrayEquals(empty, Bytes.readable(zero));
  }

  @Test
  void aCursorLargerThanTigerVncTakesIsCroppedAroundItsHotSpot() {
    int[] argb = new int[300 * 300];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xFF000000 | i;
    }
    ByteBuf out = Unpooled.buffer();
    CursorWriter.write(out, new CursorShape(300, 300, 290, 10, argb),
        PixelWriters.forFormat(PixelFormat.RGB888));
    assertEquals(246, out.getUnsignedShort(0), "hot spot x moves with the crop (300 - 256 = 44)");
    assertEquals(10, out.getUnsignedShort(2));
    assertEquals(256, out.getUnsignedShort(4));
    assertEquals(256, out.getUnsignedShort(6));
    int firstPixel = out.getIntLE(12) & 0xFFFFFF;
    assertEquals(44, firstPixel, "the crop starts at column 44, row 0");
    assertEquals(12 + 256 * 256 * 4 + 32 * 256, out.readableBytes());
  }
}
