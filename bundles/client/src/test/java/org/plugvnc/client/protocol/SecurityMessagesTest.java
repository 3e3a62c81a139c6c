package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;

/** Golden bytes of the client's security messages, written by hand from rfbproto. */
class SecurityMessagesTest {

  @Test
  void plainCredentialsAreTwoLengthsThenUtf8() {
    assertArrayEquals(bytes().u32(5, 3).text("alice").raw(new byte[] {'p', (byte) 0xC3,
        (byte) 0xBC}).array(), PlainCredentials.message("alice", "pü"));
    assertArrayEquals(bytes().u32(0, 0).array(), PlainCredentials.message(null, null));
  }

  @Test
  void rsaAesCredentialsAreU8LengthsThenUtf8() {
    assertArrayEquals(bytes().u8(3).text("bob").u8(2).text("pw").array(),
        RsaAesHandshake.credentials("bob", "pw"));
    assertArrayEquals(bytes().u8(0).u8(1).text("x").array(),
        RsaAesHandshake.credentials(null, "x"));
    assertThrows(IllegalArgumentException.class,
        () -> RsaAesHandshake.credentials("u".repeat(256), "p"));
  }

  @Test
  void publicKeyIsLengthThenModulusAndExponentOfEqualSize() {
    // 12 bits: two bytes each, exponent left-padded
    assertArrayEquals(bytes().u32(12).u8(0x0A, 0xBC).u8(0x00, 0x03).array(),
        RsaKeys.encode(12, BigInteger.valueOf(0xABC), BigInteger.valueOf(3)));
  }

  @Test
  void serverKeyLengthIsBoundedBeforeAllocation() {
    for (long bits : new long[] {1023, 8193, 0xFFFFFFFFL}) {
      RfbInput in = new RfbInput(new ByteArrayInputStream(bytes().u32(bits).array()));
      RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> RsaKeys.read(in));
      assertTrue(e.getMessage().contains("outside 1024..8192"), e.getMessage());
    }
  }

  @Test
  void evenModulusIsNoRsaKey() {
    byte[] n = new byte[128];
    n[0] = (byte) 0x80; // even
    RfbInput in = new RfbInput(new ByteArrayInputStream(bytes().u32(1024).raw(n)
        .raw(new byte[127]).u8(3).array()));
    assertThrows(RfbProtocolException.class, () -> RsaKeys.read(in));
  }

  @Test
  void generatedKeysHaveExactlyTheAskedSize() {
    for (int bits : new int[] {1024, 1025, 1031}) {
      AsymmetricCipherKeyPair pair = RsaKeys.generate(bits, new SecureRandom());
      assertEquals(bits, ((RSAKeyParameters) pair.getPublic()).getModulus().bitLength());
    }
  }

  @Test
  void securityNamesRoundTrip() {
    for (int n : new int[] {1, 2, 5, 6, 19, 129, 130, 256, 257, 258, 259, 260, 261, 262}) {
      assertEquals(n, RfbNumbers.securityTypeNumber(RfbNumbers.securityTypeName(n)));
    }
    assertEquals(2, RfbNumbers.securityTypeNumber("vncauth"));
    assertEquals(261, RfbNumbers.securityTypeNumber("x509vnc"));
  }
}
