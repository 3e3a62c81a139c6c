package org.plugvnc.encoders.tight.internal;

import java.io.OutputStream;
import java.util.Arrays;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * A growable byte buffer an encoder fills before it knows what goes in front of it (Tight's
 * compression-control byte depends on whether zlib reset a stream). Implements {@link RfbOutput} so
 * that the session's {@link org.plugvnc.api.encoding.PixelWriter} can write pixel values into it.
 * Reused from rectangle to rectangle; it grows and never shrinks. Not thread-safe.
 */
final class ByteSink implements RfbOutput {

  private byte[] bytes;
  private int size;

  ByteSink(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  /** Empties the buffer, keeping its storage. */
  void clear() {
    size = 0;
  }

  /** The storage; bytes 0 to {@link #size()} - 1 are the content. */
  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  /** Makes room for {@code more} bytes after the content and returns the storage. */
  byte[] reserve(int more) {
    long needed = (long) size + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(needed, bytes.length * 2L)));
    }
    return bytes;
  }

  /** Declares {@code count} bytes written directly into {@link #reserve reserved} storage. */
  void advance(int count) {
    size += count;
  }

  /** Appends the content to {@code out} in one call. */
  void copyTo(RfbOutput out) {
    out.writeBytes(bytes, 0, size);
  }

  /** This buffer as a stream, for ImageIO writers. */
  OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        writeU8(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writeBytes(b, off, len);
      }
    };
  }

  @Override
  public void writeU8(int v) {
    reserve(1)[size++] = (byte) v;
  }

  @Override
  public void writeU16(int v) {
    byte[] b = reserve(2);
    b[size] = (byte) (v >>> 8);
    b[size + 1] = (byte) v;
    size += 2;
  }

  @Override
  public void writeU32(int v) {
    byte[] b = reserve(4);
    b[size] = (byte) (v >>> 24);
    b[size + 1] = (byte) (v >>> 16);
    b[size + 2] = (byte) (v >>> 8);
    b[size + 3] = (byte) v;
    size += 4;
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    System.arraycopy(b, off, reserve(len), size, len);
    size += len;
  }

  @Override
  public int position() {
    return size;
  }

  @Override
  public void setU32(int position, int v) {
    if (position < 0 || position + 4 > size) {
      throw new IndexOutOfBoundsException(position);
    }
    bytes[position] = (byte) (v >>> 24);
    bytes[position + 1] = (byte) (v >>> 16);
    bytes[position + 2] = (byte) (v >>> 8);
    bytes[position + 3] = (byte) v;
  }
}
