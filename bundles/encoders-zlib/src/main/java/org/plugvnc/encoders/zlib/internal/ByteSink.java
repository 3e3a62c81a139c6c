package org.plugvnc.encoders.zlib.internal;

import java.util.Arrays;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * A growable byte array that encoders fill before handing the bytes on in one piece: to the
 * session's zlib stream, or to the engine's {@link RfbOutput} with one {@code writeBytes}. It is an
 * {@link RfbOutput} itself so that a {@link org.plugvnc.api.encoding.PixelWriter} can write pixel
 * values straight into it; the tile coders write into {@link #room} directly instead.
 *
 * <p>Never shrinks: one sink per encoder is reused for every rectangle.
 */
final class ByteSink implements RfbOutput {

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[capacity];
  }

  /** Bytes held. */
  int size() {
    return size;
  }

  /** The backing array; valid until the next write that grows the sink. */
  byte[] array() {
    return bytes;
  }

  /**
   * The backing array with room for at least {@code extra} more bytes after {@link #size()}. The
   * caller writes there and then calls {@link #size(int)} with the new size.
   */
  byte[] room(int extra) {
    if (bytes.length - size < extra) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
    return bytes;
  }

  /** Sets the size after a direct write into {@link #room}. */
  void size(int newSize) {
    size = newSize;
  }

  /** Forgets the bytes held, keeping the array. */
  void clear() {
    size = 0;
  }

  @Override
  public void writeU8(int v) {
    room(1)[size++] = (byte) v;
  }

  @Override
  public void writeU16(int v) {
    byte[] b = room(2);
    b[size] = (byte) (v >>> 8);
    b[size + 1] = (byte) v;
    size += 2;
  }

  @Override
  public void writeU32(int v) {
    byte[] b = room(4);
    b[size] = (byte) (v >>> 24);
    b[size + 1] = (byte) (v >>> 16);
    b[size + 2] = (byte) (v >>> 8);
    b[size + 3] = (byte) v;
    size += 4;
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    System.arraycopy(b, off, room(len), size, len);
    size += len;
  }

  @Override
  public int position() {
    return size;
  }

  @Override
  public void setU32(int position, int v) {
    if (position < 0 || position > size - 4) {
      throw new IndexOutOfBoundsException(position);
    }
    bytes[position] = (byte) (v >>> 24);
    bytes[position + 1] = (byte) (v >>> 16);
    bytes[position + 2] = (byte) (v >>> 8);
    bytes[position + 3] = (byte) v;
  }
}
