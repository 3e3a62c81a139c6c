package org.plugvnc.interop;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads one direction of an RFB connection for a {@link CensusProxy} and forwards every byte it
 * reads, and nothing more, to the other side: a reader that stops between two messages holds the
 * stream there. Output is flushed whenever the input has nothing more waiting, so forwarding never
 * waits for the next message to arrive.
 */
final class ForwardingInput {

  private final InputStream in;
  private final OutputStream out;
  private final byte[] chunk = new byte[64 * 1024];

  /** @param in a buffered stream (reads are small); @param out a buffered stream */
  ForwardingInput(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  int u8() throws IOException {
    fill(1);
    return chunk[0] & 0xFF;
  }

  int u16() throws IOException {
    fill(2);
    return (chunk[0] & 0xFF) << 8 | (chunk[1] & 0xFF);
  }

  int s32() throws IOException {
    fill(4);
    return (chunk[0] & 0xFF) << 24 | (chunk[1] & 0xFF) << 16 | (chunk[2] & 0xFF) << 8
        | (chunk[3] & 0xFF);
  }

  /** Reads {@code n} bytes (at most 64 KiB) and returns them; valid until the next read. */
  byte[] bytes(int n) throws IOException {
    fill(n);
    return chunk;
  }

  /** Reads and forwards {@code n} bytes without looking at them. */
  void skip(long n) throws IOException {
    if (n < 0) {
      throw new IOException("negative length " + n);
    }
    while (n > 0) {
      int step = (int) Math.min(n, chunk.length);
      fill(step);
      n -= step;
    }
  }

  /** Forwards everything that is still to come, unread, until the stream ends. */
  void forwardRest() throws IOException {
    flush();
    int n;
    while ((n = in.read(chunk)) >= 0) {
      out.write(chunk, 0, n);
      if (in.available() == 0) {
        out.flush();
      }
    }
    out.flush();
  }

  void flush() throws IOException {
    out.flush();
  }

  private void fill(int n) throws IOException {
    int done = 0;
    while (done < n) {
      if (in.available() == 0) {
        out.flush();
      }
      int got = in.read(chunk, done, n - done);
      if (got < 0) {
        out.flush();
        throw new EOFException("stream ended");
      }
      out.write(chunk, done, got);
      done += got;
    }
  }
}
