package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.RfbOutput;

/**
 * A reusable staging buffer: encoders fill {@link #bytes} with plain array stores and hand it to
 * the {@link RfbOutput} in large {@code writeBytes} calls, never a call per byte.
 */
final class OutputChunk {

  /** Bytes staged before a flush; large enough for any Hextile tile or RRE subrectangle. */
  static final int CAPACITY = 32 * 1024;

  /** The staging array; valid bytes are {@code [0, length)}. */
  final byte[] bytes = new byte[CAPACITY];

  /** Number of staged bytes. */
  int length;

  /**
   * Makes room for {@code needed} more bytes (at most {@link #CAPACITY}), flushing to {@code out}
   * if the chunk is too full, and returns where they start.
   */
  int reserve(RfbOutput out, int needed) {
    if (length + needed > bytes.length) {
      flush(out);
    }
    return length;
  }

  /** Writes the staged bytes to {@code out} and empties the chunk. */
  void flush(RfbOutput out) {
    if (length > 0) {
      out.writeBytes(bytes, 0, length);
      length = 0;
    }
  }
}
