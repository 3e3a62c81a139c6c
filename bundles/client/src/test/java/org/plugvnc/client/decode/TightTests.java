package org.plugvnc.client.decode;

import org.plugvnc.client.TestBytes;

/** Tight's compact length, written from the spec's table, for building test rectangles. */
final class TightTests {

  private TightTests() {
  }

  /** Appends {@code n} in one, two or three bytes: 7 low bits first, high bit = more follows. */
  static TestBytes compact(TestBytes t, int n) {
    if (n < 128) {
      return t.u8(n);
    }
    if (n < 16384) {
      return t.u8(n & 0x7F | 0x80, n >>> 7);
    }
    return t.u8(n & 0x7F | 0x80, (n >>> 7) & 0x7F | 0x80, n >>> 14);
  }

  /** Appends a compact length and the bytes. */
  static TestBytes lengthAnd(TestBytes t, byte[] data) {
    return compact(t, data.length).raw(data);
  }
}
