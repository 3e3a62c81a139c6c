package org.plugvnc.encoders.zlib.internal;

import java.util.Arrays;

/** Reads RFB data from a byte array, failing on any read past its end. */
final class WireReader {

  private final byte[] data;
  private int pos;

  WireReader(byte[] data) {
    this.data = data;
  }

  int u8() {
    if (pos >= data.length) {
      throw new AssertionError("read past the end of " + data.length + " bytes");
    }
    return data[pos++] & 0xFF;
  }

  /** A big-endian U32 (as a non-negative long). */
  long u32() {
    return (long) u8() << 24 | u8() << 16 | u8() << 8 | u8();
  }

  byte[] bytes(long n) {
    if (n < 0 || n > data.length - pos) {
      throw new AssertionError(n + " bytes asked for, " + (data.length - pos) + " left");
    }
    byte[] b = Arrays.copyOfRange(data, pos, pos + (int) n);
    pos += (int) n;
    return b;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  /** Fails unless every byte was read. */
  void expectEnd() {
    if (!atEnd()) {
      throw new AssertionError((data.length - pos) + " bytes left unread");
    }
  }
}
