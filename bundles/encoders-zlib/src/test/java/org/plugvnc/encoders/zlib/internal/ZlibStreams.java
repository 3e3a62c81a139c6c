package org.plugvnc.encoders.zlib.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Reference zlib output for checking which level an encoder's stream runs at. */
final class ZlibStreams {

  private ZlibStreams() {}

  /** What a fresh zlib stream at {@code level} makes of {@code data}, ended with a sync flush. */
  static byte[] fresh(int level, byte[] data) {
    Deflater deflater = new Deflater(level);
    try {
      deflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      int n;
      do {
        n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
        out.write(chunk, 0, n);
      } while (n == chunk.length || !deflater.needsInput());
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The zlibData of a Zlib or ZRLE payload (after its U32 length, which must match). */
  static byte[] zlibData(byte[] payload) {
    WireReader in = new WireReader(payload);
    byte[] data = in.bytes(in.u32());
    in.expectEnd();
    return data;
  }
}
