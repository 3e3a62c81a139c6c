package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.TestBytes;
import org.plugvnc.client.protocol.RfbInput;

/** Tight's compact lengths, from the spec's table and its example (10000 is 90 4E). */
class CompactLengthTest {

  private static int read(int... bytes) throws IOException {
    RfbInput in = new RfbInput(new ByteArrayInputStream(TestBytes.bytes().u8(bytes).array()));
    int n = CompactLength.read(in);
    assertEquals(bytes.length, in.bytesRead(), "bytes consumed");
    return n;
  }

  @Test
  void oneTwoAndThreeByteForms() throws IOException {
    assertEquals(0, read(0x00));
    assertEquals(127, read(0x7F));
    assertEquals(128, read(0x80, 0x01));
    assertEquals(10000, read(0x90, 0x4E));
    assertEquals(16383, read(0xFF, 0x7F));
    assertEquals(16384, read(0x80, 0x80, 0x01));
    assertEquals(4194303, read(0xFF, 0xFF, 0xFF));
  }

  @Test
  void theThirdByteUsesAllEightBits() throws IOException {
    assertEquals(0x80 << 14, read(0x80, 0x80, 0x80));
  }

  @Test
  void truncatedLengthIsEndOfStream() {
    assertThrows(EOFException.class, () -> read(0x80));
  }
}
