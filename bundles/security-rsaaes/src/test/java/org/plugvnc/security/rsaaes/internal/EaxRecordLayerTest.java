package org.plugvnc.security.rsaaes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The record layer: AES-EAX against the published vectors of the EAX paper (Bellare, Rogaway,
 * Wagner, "The EAX Mode of Operation", appendix), and the record framing of rfbproto.rst (U16
 * length as associated data, a 16-byte little-endian message index as nonce, a 16-byte MAC) as
 * golden bytes built here from the spec with the paper's EAX composition.
 */
class EaxRecordLayerTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] CLIENT_KEY = HEX.parseHex("f0e0d0c0b0a090807060504030201000");

  @ParameterizedTest(name = "vector {index}")
  @CsvSource({
      "233952DEE4D5ED5F9B9C6D6FF80FF478, 62EC67F9C3A4A407FCB2A8C49031A8B3, 6BFB914FD07EAE6B, '', E037830E8389F27B025A2D6527E79D01",
      "91945D3F4DCBEE0BF45EF52255F095A4, BECAF043B0A23D843194BA972C66DEBD, FA3BFD4806EB53FA, F7FB, 19DD5C4C9331049D0BDAB0277408F67967E5",
      "01F74AD64077F2E704C0F60ADA3DD523, 70C3DB4F0D26368400A10ED05D2BFF5E, 234A3463C1264AC6, 1A47CB4933, D851D5BAE03A59F238A23E39199DC9266626C40F80",
      "D07CF6CBB7F313BDDE66B727AFD3C5E8, 8408DFFF3C1A2B1292DC199E46B7D617, 33CCE2EABFF5A79D, 481C9E39B1, 632A9D131AD4C168A4225D8E1FF755939974A7BEDE",
      "35B6D0580005BBC12B0587124557D2C2, FDB6B06676EEDC5C61D74276E1F8E816, AEB96EAEBE2970E9, 40D0C07DA5E4, 071DFE16C675CB0677E536F73AFE6A14B74EE49844DD",
      "BD8E6E11475E60B268784C38C62FEB22, 6EAC5C93072D8E8513F750935E46DA1B, D4482D1CA78DCE0F, 4DE3B35C3FC039245BD1FB7D, 835BB4F15D743E350E728414ABB8644FD6CCB86947C5E10590210A4F",
      "8395FCF1E95BEBD697BD010BC766AAC3, 22E7ADD93CFC6393C57EC0B3C17D6B44, 126735FCC320D25A, CA40D7446E545FFAED3BD12A740A659FFBBB3CEAB7, CB8920F87A6C75CFF39627B56E3ED197C552D295A7CFC46AFC253B4652B1AF3795B124AB6E"
  })
  void eaxMatchesThePapersVectors(String key, String nonce, String header, String message,
      String cipher) throws Exception {
    byte[] k = HEX.parseHex(key);
    byte[] n = HEX.parseHex(nonce);
    byte[] h = HEX.parseHex(header);
    byte[] m = HEX.parseHex(message);
    byte[] c = HEX.parseHex(cipher);
    assertArrayEquals(c, EaxRecordLayer.eax(true, new KeyParameter(k), n, h, m), "the server's EAX");
    assertArrayEquals(m, EaxRecordLayer.eax(false, new KeyParameter(k), n, h, c));
    assertArrayEquals(c, PaperEax.seal(k, n, h, m), "the tests' own EAX");
  }

  @Test
  void recordsAreFramedAsTheSpecSays() {
    EaxRecordLayer layer = new EaxRecordLayer(CLIENT_KEY, SERVER_KEY);
    byte[] first = seal(layer, "hello".getBytes(StandardCharsets.US_ASCII));
    byte[] second = seal(layer, "hello".getBytes(StandardCharsets.US_ASCII));

    byte[] nonce0 = new byte[16];
    byte[] nonce1 = new byte[16];
    nonce1[0] = 1; // little-endian: the low byte first
    byte[] header = {0x00, 0x05};
    assertArrayEquals(concat(header, PaperEax.seal(SERVER_KEY, nonce0, header, "hello".getBytes(StandardCharsets.US_ASCII))), first);
    assertArrayEquals(concat(header, PaperEax.seal(SERVER_KEY, nonce1, header, "hello".getBytes(StandardCharsets.US_ASCII))), second);
    assertEquals(2 + 5 + 16, first.length);
  }

  @Test
  void theNonceCounterIsSixteenBytesLittleEndian() {
    byte[] c = new byte[16];
    c[0] = (byte) 0xFF;
    EaxRecordLayer.increment(c);
    assertArrayEquals(HEX.parseHex("00010000000000000000000000000000"), c);
    byte[] all = new byte[16];
    java.util.Arrays.fill(all, (byte) 0xFF);
    EaxRecordLayer.increment(all);
    assertArrayEquals(new byte[16], all, "wraps at 2^128");
  }

  @Test
  void opensWhatTheViewerSealsAndRefusesABadMac() throws Exception {
    EaxRecordLayer layer = new EaxRecordLayer(CLIENT_KEY, SERVER_KEY);
    byte[] header = {0x00, 0x03};
    byte[] record0 = concat(header, PaperEax.seal(CLIENT_KEY, new byte[16], header, new byte[] {1, 2, 3}));
    assertEquals(record0.length, layer.recordLength(ByteBuffer.wrap(record0)));
    assertEquals(-1, layer.recordLength(ByteBuffer.wrap(new byte[] {0})));
    ByteBuffer plain = ByteBuffer.allocate(record0.length);
    layer.open(ByteBuffer.wrap(record0), plain);
    assertEquals(3, plain.position());
    assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(plain.array(), 3));

    // The same record again has the wrong nonce now (message 1): a replay does not open.
    GeneralSecurityException replay = assertThrows(GeneralSecurityException.class,
        () -> layer.open(ByteBuffer.wrap(record0), ByteBuffer.allocate(64)));
    assertTrue(replay.getMessage().contains("MAC"), replay.getMessage());
    byte[] nonce1 = new byte[16];
    nonce1[0] = 1;
    byte[] record1 = concat(header, PaperEax.seal(CLIENT_KEY, nonce1, header, new byte[] {4, 5, 6}));
    record1[4] ^= 0x40;
    assertThrows(GeneralSecurityException.class,
        () -> new EaxRecordLayer(CLIENT_KEY, SERVER_KEY).open(ByteBuffer.wrap(record1), ByteBuffer.allocate(64)));
  }

  @Test
  void outgoingRecordsStayWithinTheBoundsAndIncomingOnesMayUseTheWholeU16() {
    EaxRecordLayer layer = new EaxRecordLayer(CLIENT_KEY, SERVER_KEY);
    assertTrue(layer.maxPlaintextLength() <= 0xFFFF);
    assertEquals(2 + 0xFFFF + 16, layer.maxRecordLength());
    assertEquals(2 + 0xFFFF + 16, layer.recordLength(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF})));
    assertNull(PaperEax.open(SERVER_KEY, new byte[16], new byte[2], new byte[16]), "the tests' EAX checks too");
  }

  private static byte[] seal(EaxRecordLayer layer, byte[] plain) {
    ByteBuffer out = ByteBuffer.allocate(layer.sealedLength(plain.length));
    layer.seal(ByteBuffer.wrap(plain), out);
    assertEquals(0, out.remaining());
    return out.array();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
