package org.plugvnc.client.decode;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * One zlib stream of a connection. Zlib, ZRLE and each of Tight's four streams continue one
 * deflate stream across rectangles ("A single zlib 'stream' object is used for a given RFB
 * connection, so that zlib rectangles must be encoded and decoded strictly in order"), so the
 * inflater lives as long as the connection; it is created on first use, so that connections
 * that never see the encoding hold no native memory.
 *
 * <p>Compressed input is read from the network in fixed chunks, so the declared compressed length
 * never sizes an allocation. Checked per rectangle: the compressed length is at most twice the
 * most the rectangle can inflate to, plus 1 KiB (deflate's worst case is far below that; more is
 * a wrong length or garbage); the output never exceeds the rectangle's bound; every compressed
 * byte is consumed; nothing follows the end of a finished stream; no preset dictionary.
 */
final class ZlibStream {

  private static final int CHUNK = 16 * 1024;

  private final String name;
  private final byte[] probe = new byte[1];
  private Inflater inflater;
  private byte[] input;
  private boolean closed;

  /** @param name the stream's name in messages, e.g. "ZRLE" or "Tight stream 2" */
  ZlibStream(String name) {
    this.name = name;
  }

  /** @return the longest compressed length accepted for at most {@code maxOutput} bytes */
  static long maxCompressedLength(long maxOutput) {
    return 2 * maxOutput + 1024;
  }

  /**
   * Inflates exactly {@code length} compressed bytes from {@code in} into {@code out}.
   *
   * @param maxOutput the most bytes the rectangle can need
   * @return the number of bytes produced, at most {@code maxOutput}
   * @throws RfbProtocolException if a check above fails or the data is not zlib
   */
  synchronized int inflate(RfbInput in, long length, InflateBuffer out, int maxOutput)
      throws IOException {
    if (closed) {
      throw new IOException(name + " zlib stream is closed: the connection was closed");
    }
    if (length > maxCompressedLength(maxOutput)) {
      throw new RfbProtocolException(name + " compressed length " + length + " exceeds "
          + maxCompressedLength(maxOutput) + ", twice the " + maxOutput
          + " bytes the rectangle can hold plus 1 KiB");
    }
    if (inflater == null) {
      inflater = new Inflater();
      input = new byte[CHUNK];
    }
    boolean endedBefore = inflater.finished();
    try {
      return run(in, length, out, maxOutput, endedBefore);
    } catch (DataFormatException e) {
      throw new RfbProtocolException(name + " data is not valid zlib: " + e.getMessage());
    }
  }

  private int run(RfbInput in, long length, InflateBuffer out, int maxOutput, boolean endedBefore)
      throws IOException, DataFormatException {
    long left = length;
    int produced = 0;
    while (true) {
      if (inflater.needsInput() && left > 0) {
        int n = (int) Math.min(left, input.length);
        in.readFully(input, 0, n);
        left -= n;
        inflater.setInput(input, 0, n);
      }
      int space;
      int n;
      if (produced < maxOutput) {
        out.ensure(produced + 1, maxOutput);
        space = Math.min(out.bytes().length, maxOutput) - produced;
        n = inflater.inflate(out.bytes(), produced, space);
        produced += n;
      } else {
        space = 1;
        n = inflater.inflate(probe, 0, 1);
        if (n > 0) {
          throw new RfbProtocolException(name + " data inflates to more than the " + maxOutput
              + " bytes the rectangle can hold");
        }
      }
      if (inflater.finished()) {
        checkNothingFollows(left, endedBefore);
        return produced;
      }
      if (inflater.needsDictionary()) {
        throw new RfbProtocolException(name + " zlib data asks for a preset dictionary");
      }
      if (n < space) {
        // the output had room, so the inflater is waiting for input
        if (!inflater.needsInput()) {
          throw new RfbProtocolException(name + " inflater made no progress");
        }
        if (left == 0) {
          return produced;
        }
      }
    }
  }

  private void checkNothingFollows(long left, boolean endedBefore) throws RfbProtocolException {
    if (left > 0 || inflater.getRemaining() > 0) {
      throw new RfbProtocolException(endedBefore
          ? name + " zlib stream ended in an earlier rectangle, yet more data came"
          : name + " data continues after the end of its zlib stream");
    }
  }

  /** Starts a fresh stream (Tight's reset bits); a no-op before first use. */
  synchronized void reset() {
    if (inflater != null) {
      inflater.reset();
    }
  }

  /**
   * Releases the inflater; later inflates fail. Any thread may call it: it waits for an inflate
   * under way, which ends soon once the connection's socket is closed.
   */
  synchronized void close() {
    closed = true;
    if (inflater != null) {
      inflater.end();
      inflater = null;
      input = null;
    }
  }
}
