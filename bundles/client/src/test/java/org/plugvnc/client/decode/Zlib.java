package org.plugvnc.client.decode;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * A test-side deflate stream, as a server keeps one per connection: each call compresses one
 * rectangle's hand-written uncompressed bytes and ends with a sync flush, so the next call
 * continues the same stream. Test code only; the decoders use {@link java.util.zip.Inflater}.
 */
final class Zlib {

  private final Deflater deflater;

  Zlib() {
    this(Deflater.DEFAULT_COMPRESSION);
  }

  Zlib(int level) {
    deflater = new Deflater(level);
  }

  /** @return the compressed bytes of {@code raw}, sync-flushed */
  byte[] sync(byte[] raw) {
    return run(raw, Deflater.SYNC_FLUSH);
  }

  /** @return the compressed bytes of {@code raw}, ending the stream */
  byte[] finish(byte[] raw) {
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    return out.toByteArray();
  }

  /** Starts a new stream, as a Tight server does before setting a reset bit. */
  void reset() {
    deflater.reset();
  }

  private byte[] run(byte[] raw, int flush) {
    deflater.setInput(raw);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, flush);
      out.write(chunk, 0, n);
    } while (n == chunk.length);
    return out.toByteArray();
  }
}
