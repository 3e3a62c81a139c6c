package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plugvnc.client.TestBytes.bytes;

import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;

class ClientMessagesTest {

  @Test
  void setPixelFormat() {
    assertArrayEquals(bytes().u8(0, 0, 0, 0).u8(16, 16, 1, 1).u16(31, 63, 31).u8(11, 5, 0, 0, 0, 0).array(),
        ClientMessages.setPixelFormat(PixelFormat.RGB565_BE));
  }

  @Test
  void setEncodings() {
    assertArrayEquals(bytes().u8(2, 0).u16(3).u32(16, 0, 0xFFFFFF11L).array(),
        ClientMessages.setEncodings(16, 0, -239));
  }

  @Test
  void framebufferUpdateRequest() {
    assertArrayEquals(bytes().u8(3, 1).u16(1, 2, 640, 480).array(),
        ClientMessages.framebufferUpdateRequest(true, 1, 2, 640, 480));
    assertThrows(IllegalArgumentException.class,
        () -> ClientMessages.framebufferUpdateRequest(false, 0, 0, 65536, 1));
  }

  @Test
  void keyEvent() {
    assertArrayEquals(bytes().u8(4, 1, 0, 0).u32(0xFF0D).array(), ClientMessages.keyEvent(true, 0xFF0D));
    assertArrayEquals(bytes().u8(4, 0, 0, 0).u32(0x61).array(), ClientMessages.keyEvent(false, 'a'));
  }

  @Test
  void pointerEvent() {
    assertArrayEquals(bytes().u8(5, 0x81).u16(300, 7).array(), ClientMessages.pointerEvent(0x81, 300, 7));
    assertThrows(IllegalArgumentException.class, () -> ClientMessages.pointerEvent(256, 0, 0));
  }

  @Test
  void clientCutTextIsLatin1() {
    assertArrayEquals(bytes().u8(6, 0, 0, 0).u32(3).u8('h', 0xE9, '?').array(),
        ClientMessages.clientCutText("h\u00e9\u20ac"));
  }
}
