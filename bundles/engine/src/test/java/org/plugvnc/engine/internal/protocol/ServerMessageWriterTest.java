package org.plugvnc.engine.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.plugvnc.engine.internal.testsupport.Bytes.concat;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.testsupport.Bytes;

/** Golden bytes for every server-to-client message, from RFC 6143 7.1 to 7.6. */
class ServerMessageWriterTest {

  private static byte[] written(Consumer<ByteBuf> write) {
    ByteBuf out = Unpooled.buffer();
    write.accept(out);
    return Bytes.readable(out);
  }

  private static void assertBytes(byte[] expected, byte[] actual) {
    assertArrayEquals(expected, actual, () -> "expected " + Bytes.hex(expected) + " got " + Bytes.hex(actual));
  }

  @Test
  void protocolVersionIsTwelveAsciiBytes() {
    assertBytes(of('R', 'F', 'B', ' ', '0', '0', '3', '.', '0', '0', '8', '\n'),
        written(ServerMessageWriter::protocolVersion));
  }

  @Test
  void securityTypesIsCountThenOneByteEach() {
    assertBytes(of(2, 2, 1), written(out -> ServerMessageWriter.securityTypes(out, List.of(2, 1))));
    assertBytes(of(1, 19), written(out -> ServerMessageWriter.securityTypes(out, List.of(19))));
  }

  @Test
  void securityTypesFailureIsZeroCountAndU32LengthReason() {
    assertBytes(of(0, 0, 0, 0, 4, 'n', 'o', 'p', 'e'),
        written(out -> ServerMessageWriter.securityTypesFailure(out, "nope")));
  }

  @Test
  void securityType33IsU32() {
    assertBytes(of(0, 0, 0, 2), written(out -> ServerMessageWriter.securityType33(out, 2)));
    assertBytes(of(0, 0, 0, 1), written(out -> ServerMessageWriter.securityType33(out, 1)));
  }

  @Test
  void securityType33FailureIsU32ZeroAndReason() {
    assertBytes(of(0, 0, 0, 0, 0, 0, 0, 3, 'b', 'a', 'd'),
        written(out -> ServerMessageWriter.securityType33Failure(out, "bad")));
  }

  @Test
  void securityResultOkIsU32Zero() {
    assertBytes(of(0, 0, 0, 0), written(ServerMessageWriter::securityResultOk));
  }

  @Test
  void securityResultFailedCarriesReasonOnlyIn38() {
    assertBytes(of(0, 0, 0, 1, 0, 0, 0, 2, 'n', 'o'),
        written(out -> ServerMessageWriter.securityResultFailed(out, 8, "no")));
    assertBytes(of(0, 0, 0, 1), written(out -> ServerMessageWriter.securityResultFailed(out, 7, "no")));
    assertBytes(of(0, 0, 0, 1), written(out -> ServerMessageWriter.securityResultFailed(out, 3, "no")));
  }

  @Test
  void serverInitHasSizePixelFormatWithPaddingAndUtf8Name() {
    byte[] expected = concat(
        of(0x05, 0x00, 0x02, 0xD0), // 1280 x 720
        of(32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0),
        of(0, 0, 0, 4, 'B', 0xC3, 0xBC, 'r'));
    assertBytes(expected, written(out -> ServerMessageWriter.serverInit(out, 1280, 720, PixelFormat.RGB888, "B\u00FCr")));
  }

  @Test
  void pixelFormatBigEndianColourMapWithLargeMaxima() {
    PixelFormat pf = new PixelFormat(16, 15, true, false, 0x7C00, 0x3E0, 0x1F, 1, 2, 3);
    assertBytes(of(16, 15, 1, 0, 0x7C, 0x00, 0x03, 0xE0, 0x00, 0x1F, 1, 2, 3, 0, 0, 0),
        written(out -> ServerMessageWriter.pixelFormat(out, pf)));
  }

  @Test
  void framebufferUpdateHeader() {
    assertBytes(of(0, 0, 0x01, 0x02), written(out -> ServerMessageWriter.framebufferUpdate(out, 258)));
  }

  @Test
  void rectangleHeaderWithPseudoEncoding() {
    // x 1, y 2, w 300, h 65535, encoding -239 (Cursor) as a signed 32-bit value
    assertBytes(of(0, 1, 0, 2, 0x01, 0x2C, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x11),
        written(out -> ServerMessageWriter.rectangle(out, 1, 2, 300, 65535, -239)));
    assertBytes(of(0, 0, 0, 0, 0, 0x10, 0, 0x20, 0xFF, 0xFF, 0xFF, 0x21),
        written(out -> ServerMessageWriter.rectangle(out, 0, 0, 16, 32, -223)));
    assertBytes(of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16),
        written(out -> ServerMessageWriter.rectangle(out, 0, 0, 0, 0, 16)));
  }

  @Test
  void setColourMapEntriesScalesEightBitChannelsBy257() {
    assertBytes(of(1, 0, 0, 5, 0, 2,
            0xFF, 0xFF, 0x00, 0x00, 0x80, 0x80,
            0x01, 0x01, 0x7F, 0x7F, 0x00, 0x00),
        written(out -> ServerMessageWriter.setColourMapEntries(out, 5, new int[] {0xFF0080, 0x017F00})));
  }

  @Test
  void bellIsOneByte() {
    assertBytes(of(2), written(ServerMessageWriter::bell));
  }

  @Test
  void serverCutTextHasPaddingAndU32Length() {
    assertBytes(of(3, 0, 0, 0, 0, 0, 0, 3, 'a', 0xE9, 'z'),
        written(out -> ServerMessageWriter.serverCutText(out, of('a', 0xE9, 'z'))));
    assertBytes(of(3, 0, 0, 0, 0, 0, 0, 0), written(out -> ServerMessageWriter.serverCutText(out, new byte[0])));
  }
}
