package org.plugvnc.engine.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.concat;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.engine.internal.testsupport.Bytes;

/** Every client message of RFC 6143 7.5 from literal bytes: whole, short by one, back to back. */
class ClientMessageReaderTest {

  private static final int MAX_CUT = 16;

  /** Each handler call as a readable string, so tests compare lists. */
  static final class Recorder implements ClientMessageHandler {
    final List<String> calls = new ArrayList<>();

    @Override
    public void setPixelFormat(PixelFormat format) {
      calls.add("pf " + format);
    }

    @Override
    public void setEncodings(int[] encodings) {
      calls.add("enc " + Arrays.toString(encodings));
    }

    @Override
    public void framebufferUpdateRequest(boolean incremental, Rect area) {
      calls.add("fur " + incremental + " " + area);
    }

    @Override
    public void keyEvent(KeyEvent event) {
      calls.add("key " + event);
    }

    @Override
    public void pointerEvent(PointerEvent event) {
      calls.add("ptr " + event);
    }

    @Override
    public void clientCutText(byte[] latin1) {
      calls.add("cut " + Bytes.hex(latin1));
    }

    CutTextAdmission admission = CutTextAdmission.ACCEPT;

    @Override
    public CutTextAdmission admitCutText(int length) {
      calls.add("admit " + length);
      return admission;
    }
  }

  // SetPixelFormat: type, 3 padding, 16-byte PIXEL_FORMAT (its own 3 padding bytes at the end);
  // padding deliberately non-zero: a reader must ignore it.
  static final byte[] SET_PIXEL_FORMAT = of(0, 0xAA, 0xAA, 0xAA,
      16, 16, 1, 1, 0x00, 0x1F, 0x00, 0x3F, 0x00, 0x1F, 11, 5, 0, 0xAA, 0xAA, 0xAA);
  static final String SET_PIXEL_FORMAT_CALL =
      "pf " + new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);

  // SetEncodings: type, padding, U16 count 5, then S32s: ZRLE 16, CopyRect 1, Cursor -239,
  // DesktopSize -223, ExtendedClipboard 0xC0A1E5CE
  static final byte[] SET_ENCODINGS = of(2, 0, 0, 5,
      0, 0, 0, 16, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0x11, 0xFF, 0xFF, 0xFF, 0x21, 0xC0, 0xA1, 0xE5, 0xCE);
  static final String SET_ENCODINGS_CALL = "enc [16, 1, -239, -223, " + 0xC0A1E5CE + "]";

  // FramebufferUpdateRequest: incremental, x 10, y 0x8001, w 65535, h 200 (U16s are unsigned)
  static final byte[] UPDATE_REQUEST = of(3, 1, 0, 10, 0x80, 0x01, 0xFF, 0xFF, 0, 200);
  static final String UPDATE_REQUEST_CALL = "fur true " + new Rect(10, 0x8001, 65535, 200);

  // KeyEvent: down, 2 padding, keysym Return 0xFF0D
  static final byte[] KEY_EVENT = of(4, 1, 0, 0, 0x00, 0x00, 0xFF, 0x0D);
  static final String KEY_EVENT_CALL = "key " + new KeyEvent(true, 0xFF0D, 0);

  // PointerEvent: buttons 1 and 3, x 300, y 32768
  static final byte[] POINTER_EVENT = of(5, 0x05, 0x01, 0x2C, 0x80, 0x00);
  static final String POINTER_EVENT_CALL = "ptr " + new PointerEvent(5, 300, 32768);

  // ClientCutText: type, 3 padding, U32 length 5, ISO 8859-1 text "hell\u00E9"
  static final byte[] CUT_TEXT = of(6, 0, 0, 0, 0, 0, 0, 5, 'h', 'e', 'l', 'l', 0xE9);
  static final String CUT_TEXT_CALL = "cut 68 65 6C 6C E9";

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("SetPixelFormat", SET_PIXEL_FORMAT, SET_PIXEL_FORMAT_CALL),
        Arguments.of("SetEncodings", SET_ENCODINGS, SET_ENCODINGS_CALL),
        Arguments.of("FramebufferUpdateRequest", UPDATE_REQUEST, UPDATE_REQUEST_CALL),
        Arguments.of("KeyEvent", KEY_EVENT, KEY_EVENT_CALL),
        Arguments.of("PointerEvent", POINTER_EVENT, POINTER_EVENT_CALL),
        Arguments.of("ClientCutText", CUT_TEXT, CUT_TEXT_CALL));
  }

  private final Recorder recorder = new Recorder();
  private final ClientMessageReader reader = new ClientMessageReader(recorder, MAX_CUT);

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void wholeMessageIsDecodedAndConsumed(String name, byte[] message, String call) {
    ByteBuf in = Unpooled.copiedBuffer(message);
    assertTrue(reader.read(in));
    assertEquals(List.of(call), recorder.calls);
    assertEquals(message.length, in.readerIndex());
    assertFalse(reader.read(in));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyShortPrefixConsumesNothing(String name, byte[] message, String call) {
    for (int n = 0; n < message.length; n++) {
      // some already-consumed bytes in front: offsets must count from the reader index
      ByteBuf in = Unpooled.copiedBuffer(of(9, 9, 9), Arrays.copyOf(message, n));
      in.skipBytes(3);
      assertFalse(reader.read(in), name + " with " + n + " of " + message.length + " bytes");
      assertEquals(3, in.readerIndex(), name + " consumed bytes with only " + n + " there");
    }
    assertEquals(List.of(), recorder.calls);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageAfterConsumedBytesIsDecoded(String name, byte[] message, String call) {
    ByteBuf in = Unpooled.copiedBuffer(of(0xEE, 0xEE, 0xEE, 0xEE, 0xEE), message);
    in.skipBytes(5);
    assertTrue(reader.read(in));
    assertEquals(List.of(call), recorder.calls);
    assertEquals(5 + message.length, in.readerIndex());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void twoMessagesBackToBack(String name, byte[] message, String call) {
    ByteBuf in = Unpooled.copiedBuffer(message, KEY_EVENT, message);
    assertTrue(reader.read(in));
    assertEquals(message.length, in.readerIndex());
    assertTrue(reader.read(in));
    assertTrue(reader.read(in));
    assertFalse(reader.read(in));
    assertEquals(List.of(call, KEY_EVENT_CALL, call), recorder.calls);
    assertEquals(0, in.readableBytes());
  }

  @Test
  void allMessagesInOneStreamThenHalfOfAnother() {
    byte[] all = concat(SET_PIXEL_FORMAT, SET_ENCODINGS, UPDATE_REQUEST, KEY_EVENT, POINTER_EVENT,
        CUT_TEXT, Arrays.copyOf(SET_ENCODINGS, 10));
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(all);
    int decoded = 0;
    while (reader.read(in)) {
      decoded++;
    }
    assertEquals(6, decoded);
    assertEquals(all.length - 10, in.readerIndex());
    in.writeBytes(SET_ENCODINGS, 10, SET_ENCODINGS.length - 10);
    assertTrue(reader.read(in));
    assertEquals(List.of(SET_PIXEL_FORMAT_CALL, SET_ENCODINGS_CALL, UPDATE_REQUEST_CALL,
        KEY_EVENT_CALL, POINTER_EVENT_CALL, CUT_TEXT_CALL, SET_ENCODINGS_CALL), recorder.calls);
  }

  @Test
  void keyReleaseAndNonIncrementalRequestAndNoButtons() {
    ByteBuf in = Unpooled.copiedBuffer(of(4, 0, 0, 0, 0, 0, 0, 0x61), of(3, 0, 0, 0, 0, 0, 0, 4, 0, 3),
        of(5, 0, 0, 0, 0, 0));
    assertTrue(reader.read(in));
    assertTrue(reader.read(in));
    assertTrue(reader.read(in));
    assertEquals(List.of("key " + new KeyEvent(false, 0x61, 0), "fur false " + new Rect(0, 0, 4, 3),
        "ptr " + new PointerEvent(0, 0, 0)), recorder.calls);
  }

  @Test
  void emptySetEncodingsAndEmptyCutText() {
    ByteBuf in = Unpooled.copiedBuffer(of(2, 0, 0, 0), of(6, 0, 0, 0, 0, 0, 0, 0));
    assertTrue(reader.read(in));
    assertTrue(reader.read(in));
    assertEquals(List.of("enc []", "cut "), recorder.calls);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 99, 0xEE})
  void unknownTypeIsAProtocolError(int type) {
    ByteBuf in = Unpooled.copiedBuffer(of(type, 0, 0, 0, 0, 0, 0, 0));
    assertThrows(ProtocolException.class, () -> reader.read(in));
    assertEquals(List.of(), recorder.calls);
  }

  @Test
  void setEncodingsWithTooManyIsRefusedBeforeTheBodyArrives() {
    // count 1025 = 0x0401; only the 4-byte header is there
    ByteBuf in = Unpooled.copiedBuffer(of(2, 0, 0x04, 0x01));
    assertThrows(ProtocolException.class, () -> reader.read(in));
    ByteBuf huge = Unpooled.copiedBuffer(of(2, 0, 0xFF, 0xFF));
    assertThrows(ProtocolException.class, () -> reader.read(huge));
    assertEquals(List.of(), recorder.calls);
  }

  @Test
  void setEncodingsWithExactlyTheLimitIsAccepted() {
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(of(2, 0, 0x04, 0x00));
    for (int i = 0; i < 1024; i++) {
      in.writeInt(-i);
    }
    assertTrue(reader.read(in));
    assertEquals(1, recorder.calls.size());
    assertEquals(4 + 4096, in.readerIndex());
  }

  @Test
  void cutTextOverTheLimitIsRefusedAsSoonAsTheHeaderIsThere() {
    ByteBuf seven = Unpooled.copiedBuffer(of(6, 0, 0, 0, 0, 0, 0));
    assertFalse(reader.read(seven), "7 bytes: the length is not complete yet");
    ByteBuf in = Unpooled.copiedBuffer(of(6, 0, 0, 0, 0, 0, 0, MAX_CUT + 1));
    assertThrows(ProtocolException.class, () -> reader.read(in));
    ByteBuf max = Unpooled.copiedBuffer(of(6, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF));
    assertThrows(ProtocolException.class, () -> reader.read(max));
    ByteBuf negativeAsSigned = Unpooled.copiedBuffer(of(6, 0, 0, 0, 0x80, 0, 0, 0));
    assertThrows(ProtocolException.class, () -> reader.read(negativeAsSigned));
    assertEquals(List.of(), recorder.calls);
  }

  @Test
  void cutTextOfExactlyTheLimitIsAccepted() {
    byte[] text = new byte[MAX_CUT];
    Arrays.fill(text, (byte) 'x');
    ByteBuf in = Unpooled.copiedBuffer(of(6, 0, 0, 0, 0, 0, 0, MAX_CUT), text);
    assertTrue(reader.read(in));
    assertEquals(8 + MAX_CUT, in.readerIndex());
    assertEquals(List.of("cut " + Bytes.hex(text)), recorder.calls);
  }

  /** A long text's body is taken as it comes: the decoder's buffer never holds it whole. */
  @Test
  void aLongCutTextIsReadAsItComes() {
    int length = ClientMessageReader.STREAMED_ABOVE + 100;
    ClientMessageReader big = new ClientMessageReader(recorder, length);
    byte[] text = new byte[length];
    Arrays.fill(text, (byte) 'y');
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(of(6, 0, 0, 0)).writeInt(length).writeBytes(text, 0, 1000);
    assertFalse(big.read(in), "not all there yet");
    assertEquals(0, in.readableBytes(), "what came is taken");
    in.writeBytes(text, 1000, length - 1000 - 1);
    assertFalse(big.read(in));
    assertEquals(0, in.readableBytes());
    in.writeBytes(text, length - 1, 1).writeBytes(KEY_EVENT);
    assertTrue(big.read(in));
    assertTrue(big.read(in), "the next message follows");
    assertEquals(List.of("admit " + length, "cut " + Bytes.hex(text), KEY_EVENT_CALL), recorder.calls);
  }

  @Test
  void aLongCutTextThatIsSkippedIsDroppedUnread() {
    int length = ClientMessageReader.STREAMED_ABOVE + 1;
    ClientMessageReader big = new ClientMessageReader(recorder, length);
    recorder.admission = ClientMessageHandler.CutTextAdmission.SKIP;
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(of(6, 0, 0, 0)).writeInt(length).writeZero(length).writeBytes(KEY_EVENT);
    assertTrue(big.read(in));
    assertTrue(big.read(in));
    assertEquals(List.of("admit " + length, KEY_EVENT_CALL), recorder.calls);
  }

  @Test
  void aLongCutTextThatMustWaitConsumesNothing() {
    int length = ClientMessageReader.STREAMED_ABOVE + 1;
    ClientMessageReader big = new ClientMessageReader(recorder, length);
    recorder.admission = ClientMessageHandler.CutTextAdmission.WAIT;
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(of(6, 0, 0, 0)).writeInt(length).writeZero(10);
    assertFalse(big.read(in));
    assertEquals(0, in.readerIndex());
    recorder.admission = ClientMessageHandler.CutTextAdmission.ACCEPT;
    in.writeZero(length - 10);
    assertTrue(big.read(in), "accepted once there is room");
    assertEquals(List.of("admit " + length, "admit " + length, "cut " + Bytes.hex(new byte[length])),
        recorder.calls);
  }
}
