package org.plugvnc.client.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.plugvnc.client.RfbProtocolException;

/**
 * Big-endian reads of RFB fields from a stream, with its own buffer and a count of the bytes
 * consumed. Not thread-safe: one reader at a time.
 *
 * <p>Every read blocks until its bytes are there; the end of the stream in the middle of a field
 * is an {@link EOFException}. A read that fails with a timeout from the underlying stream leaves
 * already-buffered bytes in place.
 */
public final class RfbInput {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private int pos;
  private int limit;
  private long consumed;

  /** @param in the stream to read; not closed by this class */
  public RfbInput(InputStream in) {
    this(in, 0);
  }

  /**
   * A reader for a new layer (TLS, RSA-AES) that goes on counting from the layer below.
   *
   * @param in the stream to read; not closed by this class
   * @param alreadyConsumed the count {@link #bytesRead()} starts from
   */
  public RfbInput(InputStream in, long alreadyConsumed) {
    this.in = in;
    this.consumed = alreadyConsumed;
  }

  /** @return bytes read from the stream but not yet consumed (read ahead into the buffer) */
  public int buffered() {
    return limit - pos;
  }

  /**
   * This reader as a plain stream for a layer built on top of it: buffered bytes first, then
   * single reads of the underlying stream, so that nothing is read ahead and a timeout from the
   * underlying stream consumes nothing. Bytes read through it count in {@link #bytesRead()}.
   *
   * @return a view of this reader; closing it does nothing
   */
  public InputStream asInputStream() {
    return new InputStream() {
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
        if (pos < limit) {
          int n = Math.min(len, limit - pos);
          System.arraycopy(buf, pos, b, off, n);
          pos += n;
          consumed += n;
          return n;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
          consumed += n;
        }
        return n;
      }
    };
  }

  /** @return bytes consumed so far by the read methods */
  public long bytesRead() {
    return consumed;
  }

  /**
   * Blocks until at least one byte can be read without blocking, consuming nothing.
   *
   * @return false if the stream ended first
   * @throws IOException from the stream, e.g. a socket timeout
   */
  public boolean awaitData() throws IOException {
    return pos < limit || fill();
  }

  /** @return the next U8 */
  public int readU8() throws IOException {
    require(1);
    consumed++;
    return buf[pos++] & 0xFF;
  }

  /** @return the next big-endian U16 */
  public int readU16() throws IOException {
    return readU8() << 8 | readU8();
  }

  /** @return the next big-endian S32 */
  public int readS32() throws IOException {
    return readU16() << 16 | readU16();
  }

  /** @return the next big-endian U32 as a non-negative long */
  public long readU32() throws IOException {
    return readS32() & 0xFFFFFFFFL;
  }

  /**
   * Reads exactly {@code len} bytes.
   *
   * @param dst destination
   * @param off offset in {@code dst}
   * @param len number of bytes
   */
  public void readFully(byte[] dst, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      if (pos == limit && !fill()) {
        throw new EOFException("stream ended " + (len - done) + " bytes short");
      }
      int n = Math.min(len - done, limit - pos);
      System.arraycopy(buf, pos, dst, off + done, n);
      pos += n;
      done += n;
      consumed += n;
    }
  }

  /** @return the next {@code len} bytes in a new array; the caller has bounded {@code len} */
  public byte[] readBytes(int len) throws IOException {
    byte[] b = new byte[len];
    readFully(b, 0, len);
    return b;
  }

  /** Reads and drops {@code n} bytes (padding). */
  public void skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      readU8();
    }
  }

  /**
   * Reads a U32 length and that many bytes as a string, refusing lengths above {@code max}
   * before allocating anything.
   *
   * @param max largest acceptable length in bytes
   * @param what the field's name, for the exception message
   * @param charset how to decode the bytes
   * @return the string
   * @throws RfbProtocolException if the length exceeds {@code max}
   */
  public String readString(int max, String what, Charset charset) throws IOException {
    long len = readU32();
    if (len > max) {
      throw new RfbProtocolException(what + " length " + len + " exceeds the limit of " + max
          + " bytes");
    }
    return new String(readBytes((int) len), charset);
  }

  private void require(int n) throws IOException {
    while (limit - pos < n) {
      if (!fill()) {
        throw new EOFException("stream ended");
      }
    }
  }

  /** Reads more bytes, compacting the buffer first; false at end of stream. */
  private boolean fill() throws IOException {
    if (pos == limit) {
      pos = 0;
      limit = 0;
    } else if (limit == buf.length) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      return false;
    }
    limit += n;
    return true;
  }
}
