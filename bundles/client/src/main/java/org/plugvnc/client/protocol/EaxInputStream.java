package org.plugvnc.client.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The server's RSA-AES records, decrypted. Reads a record only when the previous one is used
 * up, and never beyond it, so that the layer below can go on after the last record (RA2ne). A
 * timeout from the layer below consumes nothing: the next read resumes the record where it was.
 * A record whose MAC fails is an {@link org.plugvnc.client.RfbProtocolException}.
 */
final class EaxInputStream extends InputStream {

  private final InputStream in;
  private final EaxRecordCipher cipher;
  private final byte[] record = new byte[2 + EaxRecordCipher.MAX_RECORD + EaxRecordCipher.MAC_LENGTH];
  private final byte[] plain = new byte[EaxRecordCipher.MAX_RECORD];
  private int have;
  private int need = 2;
  private int plainPos;
  private int plainLimit;

  /** @param in the layer below; it must not read ahead (see {@link RfbInput#asInputStream()}) */
  EaxInputStream(InputStream in, EaxRecordCipher cipher) {
    this.in = in;
    this.cipher = cipher;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (plainPos == plainLimit) {
      if (!nextRecord()) {
        return -1;
      }
    }
    int n = Math.min(len, plainLimit - plainPos);
    System.arraycopy(plain, plainPos, b, off, n);
    plainPos += n;
    return n;
  }

  @Override
  public int available() {
    return plainLimit - plainPos;
  }

  /** Reads one whole record (resuming a partial one); false at a clean end of stream. */
  private boolean nextRecord() throws IOException {
    while (have < need) {
      int n = in.read(record, have, need - have);
      if (n < 0) {
        if (have == 0) {
          return false;
        }
        throw new EOFException("stream ended inside an RSA-AES record");
      }
      have += n;
      if (have == 2 && need == 2) {
        need = 2 + ((record[0] & 0xFF) << 8 | record[1] & 0xFF) + EaxRecordCipher.MAC_LENGTH;
      }
    }
    int length = need;
    have = 0;
    need = 2;
    cipher.open(record, length, plain);
    plainPos = 0;
    plainLimit = length - 2 - EaxRecordCipher.MAC_LENGTH;
    return true;
  }
}
