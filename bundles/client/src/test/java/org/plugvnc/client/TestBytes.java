package org.plugvnc.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds literal wire bytes for tests: big-endian fields, as the specification writes them. */
public final class TestBytes {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** @return an empty builder */
  public static TestBytes bytes() {
    return new TestBytes();
  }

  /** Appends raw byte values given as ints. */
  public TestBytes u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  /** Appends big-endian U16 values. */
  public TestBytes u16(int... values) {
    for (int v : values) {
      out.write(v >>> 8);
      out.write(v);
    }
    return this;
  }

  /** Appends big-endian 32-bit values. */
  public TestBytes u32(long... values) {
    for (long v : values) {
      out.write((int) (v >>> 24));
      out.write((int) (v >>> 16));
      out.write((int) (v >>> 8));
      out.write((int) v);
    }
    return this;
  }

  /** Appends ASCII/Latin-1 text without a length. */
  public TestBytes text(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  /** Appends a U32 length and Latin-1 text. */
  public TestBytes string(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    u32(b.length);
    out.writeBytes(b);
    return this;
  }

  /** Appends bytes. */
  public TestBytes raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** @return the bytes so far */
  public byte[] array() {
    return out.toByteArray();
  }
}
