package org.plugvnc.engine.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6143 7.1.1 and rfbproto "ProtocolVersion": which version the server speaks with a client. */
class ProtocolVersionTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "{0} -> 3.{1}")
  @CsvSource({
      "RFB 003.003, 3",
      "RFB 003.004, 3",
      "RFB 003.005, 3",
      "RFB 003.006, 3",
      "RFB 003.007, 7",
      "RFB 003.008, 8",
      "RFB 003.009, 8",
      "RFB 003.889, 8",
      "RFB 003.999, 8"})
  void supportedVersions(String version, int minor) {
    assertEquals(minor, ProtocolVersion.negotiate(ascii(version + "\n")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RFB 003.002\n", "RFB 003.000\n", "RFB 004.000\n", "RFB 004.001\n", "RFB 002.008\n",
      "RFB 000.000\n"})
  void unsupportedVersionsAreRefused(String message) {
    assertThrows(ProtocolException.class, () -> ProtocolVersion.negotiate(ascii(message)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RFB 003.00x\n", "RFB 00a.008\n", "RFB 003.008 ", "RFB 003.008\r", "RFB 003,008\n",
      "RFX 003.008\n", "rfb 003.008\n", "RFB_003.008\n", " RFB 03.008\n", "RFB 003.008",
      "RFB 003.008\n\n", "RFB 3.8\n", "", "RFB 003.-08\n", "RFB 003.+08\n"})
  void malformedMessagesAreRefused(String message) {
    assertThrows(ProtocolException.class, () -> ProtocolVersion.negotiate(ascii(message)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x80, 0xFF})
  void nonAsciiBytesAreRefused(int b) {
    byte[] m = ascii("RFB 003.008\n");
    m[9] = (byte) b;
    assertThrows(ProtocolException.class, () -> ProtocolVersion.negotiate(m));
  }

  @Test
  void serverAnnouncesThreeEight() {
    assertEquals("RFB 003.008\n", new String(ProtocolVersion.SERVER_VERSION, StandardCharsets.US_ASCII));
    assertEquals(12, ProtocolVersion.LENGTH);
  }
}
