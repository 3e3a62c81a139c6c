package org.plugvnc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plugvnc.client.TestBytes.bytes;

import org.junit.jupiter.api.Test;

class PixelFormatTest {

  @Test
  void wireBytesOfRgb888LittleEndian() {
    byte[] golden = bytes().u8(32, 24, 0, 1).u16(255, 255, 255).u8(16, 8, 0).u8(0, 0, 0).array();
    assertArrayEquals(golden, PixelFormat.RGB888_LE.toBytes());
    assertEquals(PixelFormat.RGB888_LE, PixelFormat.fromBytes(golden, 0));
  }

  @Test
  void anyNonZeroFlagIsTrueAndPaddingIsIgnored() {
    byte[] b = bytes().u8(0xAA).u8(8, 8, 7, 0).u16(0, 0, 0).u8(0, 0, 0).u8(1, 2, 3).array();
    PixelFormat f = PixelFormat.fromBytes(b, 1);
    assertEquals(true, f.bigEndian());
    assertEquals(PixelFormat.INDEXED_8, new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0));
    assertEquals(false, f.trueColour());
  }

  @Test
  void fieldsMustFitTheWire() {
    assertThrows(IllegalArgumentException.class,
        () -> new PixelFormat(256, 24, false, true, 255, 255, 255, 16, 8, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new PixelFormat(32, 24, false, true, 65536, 255, 255, 16, 8, 0));
  }

  @Test
  void versionsAndTheirInterpretation() throws RfbProtocolException {
    assertEquals("RFB 003.007\n", ProtocolVersion.V3_7.wireString());
    assertEquals(ProtocolVersion.V3_8, ProtocolVersion.highestAllowedBy("RFB 004.000\n"));
    assertEquals(ProtocolVersion.V3_3, ProtocolVersion.highestAllowedBy("RFB 003.005\n"));
    assertEquals(ProtocolVersion.V3_7, ProtocolVersion.highestAllowedBy("RFB 003.007\n"));
    assertEquals(ProtocolVersion.V3_3, ProtocolVersion.interpretAnnounced("RFB 003.889\n"));
    assertEquals(ProtocolVersion.V3_8, ProtocolVersion.interpretAnnounced("RFB 003.008\n"));
    assertThrows(RfbProtocolException.class, () -> ProtocolVersion.highestAllowedBy("RFB 002.000\n"));
    assertThrows(RfbProtocolException.class, () -> ProtocolVersion.highestAllowedBy("RFB 003.00x\n"));
  }
}
