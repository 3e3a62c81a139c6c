package org.plugvnc.engine.internal.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Literal byte arrays for golden-byte tests. */
public final class Bytes {

  private Bytes() {}

  /** The bytes of {@code values}, each taken as an unsigned byte (0 to 255) or a signed one. */
  public static byte[] of(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < -128 || values[i] > 255) {
        throw new IllegalArgumentException("not a byte: " + values[i]);
      }
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** The concatenation of {@code parts}. */
  public static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** The readable bytes of {@code buf}, without consuming them. */
  public static byte[] readable(ByteBuf buf) {
    byte[] b = new byte[buf.readableBytes()];
    buf.getBytes(buf.readerIndex(), b);
    return b;
  }

  /** A fresh heap buffer holding {@code b}. */
  public static ByteBuf buffer(byte[] b) {
    return Unpooled.copiedBuffer(b);
  }

  /** Hex for assertion messages. */
  public static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X ", x & 0xFF));
    }
    return s.toString().trim();
  }
}
