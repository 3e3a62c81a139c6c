package org.plugvnc.commands.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyboardLineTest {

  private static ByteArrayInputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsOneLineAndLeavesTheNextInTheStream() throws IOException {
    ByteArrayInputStream in = input("s3cret\nagain\r\nlast");
    assertArrayEquals("s3cret".toCharArray(), KeyboardLine.read(in, 64));
    assertArrayEquals("again".toCharArray(), KeyboardLine.read(in, 64));
    assertArrayEquals("last".toCharArray(), KeyboardLine.read(in, 64));
    assertNull(KeyboardLine.read(in, 64));
  }

  @Test
  void anEmptyLineIsEmptyNotTheEnd() throws IOException {
    ByteArrayInputStream in = input("\n\r\n");
    assertEquals(0, KeyboardLine.read(in, 64).length);
    assertEquals(0, KeyboardLine.read(in, 64).length);
    assertNull(KeyboardLine.read(in, 64));
  }

  @Test
  void decodesUtf8() throws IOException {
    assertArrayEquals("pässwörd".toCharArray(), KeyboardLine.read(input("pässwörd\n"), 64));
  }

  @Test
  void refusesLinesPastTheBoundWithoutReadingOn() {
    ByteArrayInputStream in = input("123456789\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyboardLine.read(in, 8));
    assertEquals("The line is longer than 8 bytes", e.getMessage());
    assertEquals(1, in.available());
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[] {'a', (byte) 0xC3, '\n'});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyboardLine.read(in, 8));
    assertEquals("The line is not UTF-8", e.getMessage());
  }
}
