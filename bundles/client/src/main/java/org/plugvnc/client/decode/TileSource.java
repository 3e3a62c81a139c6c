package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Where {@link RleTiles} reads tile bytes: ZRLE's inflated bytes or TRLE's network stream.
 */
interface TileSource {

  /** @return the next byte, 0..255 */
  int u8() throws IOException;

  /** Reads exactly {@code len} bytes. */
  void read(byte[] dst, int off, int len) throws IOException;

  /** TRLE's tiles come straight from the network. */
  static TileSource of(RfbInput in) {
    return new TileSource() {
      @Override
      public int u8() throws IOException {
        return in.readU8();
      }

      @Override
      public void read(byte[] dst, int off, int len) throws IOException {
        in.readFully(dst, off, len);
      }
    };
  }

  /** ZRLE's tiles come from the rectangle's inflated bytes; running past them is an error. */
  final class Bytes implements TileSource {
    private final byte[] bytes;
    private final int limit;
    private int pos;

    Bytes(byte[] bytes, int limit) {
      this.bytes = bytes;
      this.limit = limit;
    }

    @Override
    public int u8() throws RfbProtocolException {
      if (pos >= limit) {
        throw truncated();
      }
      return bytes[pos++] & 0xFF;
    }

    @Override
    public void read(byte[] dst, int off, int len) throws RfbProtocolException {
      if (len > limit - pos) {
        throw truncated();
      }
      System.arraycopy(bytes, pos, dst, off, len);
      pos += len;
    }

    /** @return bytes not read yet */
    int remaining() {
      return limit - pos;
    }

    private RfbProtocolException truncated() {
      return new RfbProtocolException("ZRLE data ends inside a tile, after " + limit + " bytes");
    }
  }
}
