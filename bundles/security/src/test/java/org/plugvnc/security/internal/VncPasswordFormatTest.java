package org.plugvnc.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers from TigerVNC 1.12's {@code vncpasswd -f}, and round trips. */
class VncPasswordFormatTest {

  /** {@code printf 'secret12\n' | vncpasswd -f | xxd -i} */
  private static final byte[] SECRET12 = bytes(0x24, 0xb5, 0xae, 0x4c, 0xe1, 0x55, 0x03, 0xc6);

  /** {@code printf 'secret12\nviewonly\n' | vncpasswd -f | xxd -i}: full access, then view-only. */
  private static final byte[] SECRET12_VIEWONLY = bytes(
      0x24, 0xb5, 0xae, 0x4c, 0xe1, 0x55, 0x03, 0xc6, 0x3b, 0x33, 0x82, 0x0a, 0x27, 0xba, 0x4d, 0xd0);

  static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void readsVncpasswdOutput() {
    List<byte[]> passwords = VncPasswordFormat.decode(SECRET12);
    assertEquals(1, passwords.size());
    assertEquals("secret12", text(passwords.get(0)));
  }

  @Test
  void readsVncpasswdOutputWithViewOnlyPassword() {
    List<byte[]> passwords = VncPasswordFormat.decode(SECRET12_VIEWONLY);
    assertEquals(2, passwords.size());
    assertEquals("secret12", text(passwords.get(0)));
    assertEquals("viewonly", text(passwords.get(1)));
  }

  @Test
  void writesWhatVncpasswdWrites() {
    assertArrayEquals(SECRET12, VncPasswordFormat.encode(ascii("secret12"), null));
    assertArrayEquals(SECRET12_VIEWONLY,
        VncPasswordFormat.encode(ascii("secret12"), ascii("viewonly")));
  }

  @Test
  void shortPasswordsRoundTripAndLongOnesAreCut() {
    assertEquals("abc123", text(VncPasswordFormat.decode(VncPasswordFormat.encode(ascii("abc123"), null)).get(0)));
    assertArrayEquals(SECRET12, VncPasswordFormat.encode(ascii("secret12-and-more"), null));
  }

  @Test
  void refusesOtherLengths() {
    assertThrows(IllegalArgumentException.class, () -> VncPasswordFormat.decode(new byte[5]));
    assertThrows(IllegalArgumentException.class, () -> VncPasswordFormat.decode(new byte[0]));
    IllegalArgumentException tooLong =
        assertThrows(IllegalArgumentException.class, () -> VncPasswordFormat.decode(new byte[17]));
    assertEquals("is more than 16 bytes long, expected 8 or 16 (the format of vncpasswd -f)",
        tooLong.getMessage());
  }
}
