package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.RfbProtocolException;

/**
 * AES-EAX and the RSA-AES record layer: the EAX paper's test vectors (Bellare, Rogaway, Wagner,
 * "The EAX Mode of Operation", appendix), then records framed as rfbproto describes them.
 */
class EaxRecordsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

  private static byte[] h(String hex) {
    return HEX.parseHex(hex.toLowerCase());
  }

  private static void vector(String msg, String key, String nonce, String header, String cipher)
      throws Exception {
    assertArrayEquals(h(cipher), SpecRecords.eax(true, h(key), h(nonce), h(header), h(msg)));
    assertArrayEquals(h(msg), SpecRecords.eax(false, h(key), h(nonce), h(header), h(cipher)));
  }

  @Test
  void eaxPaperVectors() throws Exception {
    vector("", "233952DEE4D5ED5F9B9C6D6FF80FF478", "62EC67F9C3A4A407FCB2A8C49031A8B3",
        "6BFB914FD07EAE6B", "E037830E8389F27B025A2D6527E79D01");
    vector("F7FB", "91945D3F4DCBEE0BF45EF52255F095A4", "BECAF043B0A23D843194BA972C66DEBD",
        "FA3BFD4806EB53FA", "19DD5C4C9331049D0BDAB0277408F67967E5");
    vector("1A47CB4933", "01F74AD64077F2E704C0F60ADA3DD523", "70C3DB4F0D26368400A10ED05D2BFF5E",
        "234A3463C1264AC6", "D851D5BAE03A59F238A23E39199DC9266626C40F80");
  }

  @Test
  void recordIsLengthCiphertextAndMacWithLittleEndianIndexAsNonce() throws Exception {
    EaxRecordCipher cipher = new EaxRecordCipher(KEY);
    byte[] first = cipher.seal("abc".getBytes(), 0, 3);
    byte[] second = cipher.seal("de".getBytes(), 0, 2);
    byte[] nonce0 = new byte[16];
    byte[] nonce1 = h("01000000000000000000000000000000");
    assertArrayEquals(concat(h("0003"), SpecRecords.eax(true, KEY, nonce0, h("0003"),
        "abc".getBytes())), first);
    assertArrayEquals(concat(h("0002"), SpecRecords.eax(true, KEY, nonce1, h("0002"),
        "de".getBytes())), second);
    assertEquals(2 + 3 + 16, first.length);
  }

  @Test
  void indexCarriesIntoTheSecondByte() throws Exception {
    EaxRecordCipher cipher = new EaxRecordCipher(KEY);
    for (int i = 0; i < 256; i++) {
      cipher.seal(new byte[0], 0, 0);
    }
    byte[] record256 = cipher.seal(new byte[] {7}, 0, 1);
    assertArrayEquals(concat(h("0001"), SpecRecords.eax(true, KEY,
        h("00010000000000000000000000000000"), h("0001"), new byte[] {7})), record256);
  }

  @Test
  void streamsRoundTripAndReadNoFurtherThanTheRecord() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    EaxOutputStream out = new EaxOutputStream(wire, new EaxRecordCipher(KEY));
    out.write("hello ".getBytes());
    out.flush();
    byte[] big = new byte[70_000];
    Arrays.fill(big, (byte) 'x');
    out.write(big);
    out.flush();
    wire.write(h("cafe")); // plain bytes after the last record
    InputStream source = new ByteArrayInputStream(wire.toByteArray());
    EaxInputStream in = new EaxInputStream(source, new EaxRecordCipher(KEY));
    assertArrayEquals("hello ".getBytes(), in.readNBytes(6));
    assertArrayEquals(big, in.readNBytes(big.length));
    assertArrayEquals(h("cafe"), source.readAllBytes());
  }

  @Test
  void tamperedRecordFailsItsMac() throws Exception {
    byte[] record = new EaxRecordCipher(KEY).seal("secret".getBytes(), 0, 6);
    record[3] ^= 1;
    EaxInputStream in = new EaxInputStream(new ByteArrayInputStream(record),
        new EaxRecordCipher(KEY));
    assertThrows(RfbProtocolException.class, in::read);
  }

  @Test
  void timeoutInsideARecordLosesNothing() throws Exception {
    byte[] record = new EaxRecordCipher(KEY).seal("resume".getBytes(), 0, 6);
    InputStream stalling = new InputStream() {
      private int pos;
      private boolean stalled;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == 5 && !stalled) {
          stalled = true;
          throw new SocketTimeoutException("stall");
        }
        if (pos == record.length) {
          return -1;
        }
        b[off] = record[pos++];
        return 1;
      }
    };
    EaxInputStream in = new EaxInputStream(stalling, new EaxRecordCipher(KEY));
    assertThrows(SocketTimeoutException.class, in::read);
    assertArrayEquals("resume".getBytes(), in.readNBytes(6));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
