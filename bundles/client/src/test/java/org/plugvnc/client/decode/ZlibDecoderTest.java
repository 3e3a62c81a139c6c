package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.TestBytes;
import org.plugvnc.client.protocol.RfbInput;

class ZlibDecoderTest {

  private static final int ZLIB = RfbNumbers.ENCODING_ZLIB;

  @Test
  void literalStoredBlocksContinueOneStreamAcrossRectangles() throws IOException {
    Updates u = new Updates(3, 1, PixelFormat.BGR233);
    // zlib header 78 01, then a non-final stored block: 00, LEN 02 00, NLEN FD FF, 2 raw pixels
    u.apply(Updates.oneRect(0, 0, 2, 1, ZLIB).u32(9).u8(0x78, 0x01, 0x00, 0x02, 0x00, 0xFD, 0xFF)
        .u8(0x07, 0xC0));
    // the same stream goes on: no header, another stored block with one pixel
    u.apply(Updates.oneRect(2, 0, 1, 1, ZLIB).u32(6).u8(0x00, 0x01, 0x00, 0xFE, 0xFF).u8(0x38));
    assertArrayEquals(new int[] {0xFF0000, 0x0000FF, 0x00FF00}, u.fb.buffer());
  }

  @Test
  void deflatedRowsInBothSixteenBitByteOrders() throws IOException {
    for (PixelFormat f : new PixelFormat[] {PixelFormat.RGB565_LE, PixelFormat.RGB565_BE}) {
      Updates u = new Updates(2, 2, f);
      Zlib server = new Zlib();
      boolean be = f.bigEndian();
      // red, green / blue, white
      byte[] raw = be
          ? new byte[] {(byte) 0xF8, 0, 0x07, (byte) 0xE0, 0, 0x1F, (byte) 0xFF, (byte) 0xFF}
          : new byte[] {0, (byte) 0xF8, (byte) 0xE0, 0x07, 0x1F, 0, (byte) 0xFF, (byte) 0xFF};
      byte[] z = server.sync(raw);
      u.apply(Updates.oneRect(0, 0, 2, 2, ZLIB).u32(z.length).raw(z));
      assertArrayEquals(new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF}, u.fb.buffer(), f.toString());
      // a second rectangle continues the stream (its window holds the first one's bytes)
      byte[] z2 = server.sync(new byte[] {raw[6], raw[7], raw[0], raw[1]});
      u.apply(Updates.oneRect(0, 1, 2, 1, ZLIB).u32(z2.length).raw(z2));
      assertArrayEquals(new int[] {0xFFFFFF, 0xFF0000}, u.row(1));
    }
  }

  @Test
  void thirtyTwoBitLittleEndian() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.RGB888_LE);
    byte[] z = new Zlib().sync(new byte[] {0x56, 0x34, 0x12, 0});
    u.apply(Updates.oneRect(0, 0, 1, 1, ZLIB).u32(z.length).raw(z));
    assertEquals(0x123456, u.fb.pixel(0, 0));
  }

  @Test
  void inflatingToFewerBytesThanTheRectangleIsRefused() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    byte[] z = new Zlib().sync(new byte[] {7});
    assertRefused(u, Updates.oneRect(0, 0, 2, 1, ZLIB).u32(z.length).raw(z), "inflated to 1");
  }

  @Test
  void inflatingToMoreBytesThanTheRectangleIsRefused() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    byte[] z = new Zlib().sync(new byte[] {7, 7, 7});
    assertRefused(u, Updates.oneRect(0, 0, 2, 1, ZLIB).u32(z.length).raw(z), "more than");
  }

  @Test
  void absurdCompressedLengthFailsBeforeReadingIt() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    assertRefused(u, Updates.oneRect(0, 0, 2, 1, ZLIB).u32(0xFFFFFFF0L), "compressed length");
    assertEquals(16 + 4, u.consumed());
  }

  @Test
  void dataThatIsNotZlibIsRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, ZLIB).u32(4).u8(0x12, 0x34, 0x56, 0x78), "zlib");
  }

  @Test
  void truncatedCompressedDataIsRefused() throws IOException {
    Updates u = new Updates(4, 1, PixelFormat.RGB888_LE);
    byte[] raw = new byte[16];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 37 + 11);
    }
    byte[] z = new Zlib().sync(raw);
    // the length matches the bytes sent, but they stop 4 bytes before the sync flush marker
    byte[] cut = Arrays.copyOf(z, z.length - 8);
    assertRefused(u, Updates.oneRect(0, 0, 4, 1, ZLIB).u32(cut.length).raw(cut), "inflated to");
  }

  @Test
  void bytesAfterTheEndOfTheStreamAreRefused() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233);
    byte[] z = new Zlib().finish(new byte[] {7});
    assertRefused(u, Updates.oneRect(0, 0, 1, 1, ZLIB).u32(z.length + 1).raw(z).u8(0),
        "after the end");
  }

  @Test
  void aStreamEndedInAnEarlierRectangleCannotGoOn() throws IOException {
    Updates u = new Updates(2, 1, PixelFormat.BGR233);
    Zlib server = new Zlib();
    byte[] z = server.finish(new byte[] {7});
    u.apply(Updates.oneRect(0, 0, 1, 1, ZLIB).u32(z.length).raw(z));
    server.reset();
    byte[] z2 = server.sync(new byte[] {7});
    assertRefused(u, Updates.oneRect(1, 0, 1, 1, ZLIB).u32(z2.length).raw(z2), "earlier rectangle");
  }

  @Test
  void aClosedDecoderRefusesToGoOn() throws IOException {
    ZlibDecoder d = new ZlibDecoder();
    Framebuffer fb = new Framebuffer(1, 1, PixelFormat.BGR233, Limits.DEFAULT);
    byte[] z = new Zlib().sync(new byte[] {7});
    d.decode(input(TestBytes.bytes().u32(z.length).raw(z)), new Rectangle(0, 0, 1, 1, ZLIB), fb);
    d.close();
    d.close();
    IOException e = assertThrows(IOException.class, () -> d.decode(
        input(TestBytes.bytes().u32(z.length).raw(z)), new Rectangle(0, 0, 1, 1, ZLIB), fb));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  private static RfbInput input(TestBytes b) {
    return new RfbInput(new ByteArrayInputStream(b.array()));
  }

  private static void assertRefused(Updates u, TestBytes bytes, String words) {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> u.apply(bytes));
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}
