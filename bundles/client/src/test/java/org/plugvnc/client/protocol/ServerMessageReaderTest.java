package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.Bell;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.ServerCutText;
import org.plugvnc.client.ServerMessage;
import org.plugvnc.client.SetColourMapEntries;
import org.plugvnc.client.TestBytes;
import org.plugvnc.client.decode.DecoderRegistry;
import org.plugvnc.client.decode.Framebuffer;

class ServerMessageReaderTest {

  private final Framebuffer fb = new Framebuffer(4, 4, PixelFormat.RGB888_LE, Limits.DEFAULT);
  private final ServerMessageReader reader = new ServerMessageReader(DecoderRegistry.standard(), Limits.DEFAULT);
  private RfbInput in;

  ServerMessageReaderTest() throws RfbProtocolException {
  }

  private ServerMessage read(TestBytes b) throws IOException {
    in = new RfbInput(new ByteArrayInputStream(b.array()));
    return reader.read(in, fb);
  }

  @Test
  void bell() throws IOException {
    assertInstanceOf(Bell.class, read(bytes().u8(2)));
    assertEquals(1, in.bytesRead());
  }

  @Test
  void serverCutTextIsLatin1() throws IOException {
    ServerCutText t = (ServerCutText) read(bytes().u8(3, 0, 0, 0).u32(6).u8('c', 'a', 'f', 0xE9, '\n', 'x'));
    assertEquals("caf\u00e9\nx", t.text());
  }

  @Test
  void hostileCutTextLengthFailsBeforeAllocating() {
    // Only the 8 header bytes exist: a reader that allocated or read the body would hit the
    // end of the stream (EOFException) or run out of memory instead of this error.
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> read(bytes().u8(3, 0, 0, 0).u32(0x7FFFFFFF)));
    assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
    assertEquals(8, in.bytesRead());
  }

  @Test
  void cutTextLimitIsConfigurable() {
    ServerMessageReader small = new ServerMessageReader(DecoderRegistry.standard(),
        new Limits(64, 64, 4, 1 << 20, 64));
    RfbInput five = new RfbInput(new ByteArrayInputStream(bytes().u8(3, 0, 0, 0).u32(5).text("hello").array()));
    assertThrows(RfbProtocolException.class, () -> small.read(five, fb));
  }

  @Test
  void setColourMapEntriesFillsTheMap() throws IOException {
    SetColourMapEntries m = (SetColourMapEntries) read(bytes().u8(1, 0).u16(254, 2)
        .u16(0xFFFF, 0x8000, 0).u16(0x0101, 0xFEFF, 0xFFFF));
    assertEquals(254, m.firstColour());
    assertEquals(2, m.count());
    assertEquals(0xFF8000, m.rgb(0));
    assertEquals(0x01FEFF, m.rgb(1));
    assertEquals(0xFF8000, fb.colourMap().get(254));
    assertEquals(0x01FEFF, fb.colourMap().get(255));
    assertArrayEquals(new int[] {0xFFFF, 0x8000, 0, 0x0101, 0xFEFF, 0xFFFF}, m.rgb16());
  }

  @Test
  void colourMapEntriesPastTheLastIndexAreRefused() {
    assertThrows(RfbProtocolException.class, () -> read(bytes().u8(1, 0).u16(65535, 2)));
  }

  @Test
  void unknownMessageTypeIsAProtocolError() {
    RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> read(bytes().u8(99)));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void unknownEncodingIsAProtocolError() {
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> read(bytes().u8(0, 0).u16(1).u16(0, 0, 1, 1).u32(50).u32(0)));
    assertTrue(e.getMessage().contains("encoding(50)"), e.getMessage());
  }

  @Test
  void emptyUpdate() throws IOException {
    org.plugvnc.client.FramebufferUpdate u =
        (org.plugvnc.client.FramebufferUpdate) read(bytes().u8(0, 0).u16(0));
    assertTrue(u.rectangles().isEmpty());
    assertEquals(4, u.byteCount());
    assertTrue(u.endNanos() >= u.startNanos());
  }

  @Test
  void readsConsecutiveMessagesFromOneStream() throws IOException {
    in = new RfbInput(new ByteArrayInputStream(bytes().u8(2).u8(3, 0, 0, 0).string("a").u8(2).array()));
    assertInstanceOf(Bell.class, reader.read(in, fb));
    assertEquals("a", ((ServerCutText) reader.read(in, fb)).text());
    assertInstanceOf(Bell.class, reader.read(in, fb));
    assertEquals(false, in.awaitData());
  }
}
