package org.plugvnc.client.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client's RSA-AES record layer: bytes written are collected and sent as AES-EAX records
 * on {@link #flush()} (or when 65535 bytes are waiting). Thread-safety: as the caller's stream.
 */
final class EaxOutputStream extends OutputStream {

  private final OutputStream out;
  private final EaxRecordCipher cipher;
  private final byte[] pending = new byte[EaxRecordCipher.MAX_RECORD];
  private int count;

  EaxOutputStream(OutputStream out, EaxRecordCipher cipher) {
    this.out = out;
    this.cipher = cipher;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, pending.length - count);
      System.arraycopy(b, off, pending, count, n);
      count += n;
      off += n;
      len -= n;
      if (count == pending.length) {
        emit();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (count > 0) {
      emit();
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void emit() throws IOException {
    out.write(cipher.seal(pending, 0, count));
    count = 0;
  }
}
