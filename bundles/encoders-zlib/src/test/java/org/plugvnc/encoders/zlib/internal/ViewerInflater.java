package org.plugvnc.encoders.zlib.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one zlib stream a viewer keeps for a connection's Zlib or ZRLE rectangles ("a single zlib
 * stream object is used for a given RFB connection"): each rectangle's zlibData is inflated as it
 * arrives, continuing the stream, and must yield all of its data at once.
 */
final class ViewerInflater {

  private final Inflater inflater = new Inflater();
  private final byte[] chunk = new byte[16 * 1024];

  /** Inflates one rectangle's zlibData, all of it, continuing the stream. */
  byte[] inflate(byte[] zlibData) {
    inflater.setInput(zlibData);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      int n;
      do {
        n = inflater.inflate(chunk);
        out.write(chunk, 0, n);
        if (n == 0 && inflater.needsDictionary()) {
          throw new AssertionError("the zlib stream asks for a dictionary");
        }
      } while (n > 0 || !inflater.needsInput());
    } catch (DataFormatException e) {
      throw new AssertionError("not a valid continuation of the zlib stream", e);
    }
    if (inflater.finished()) {
      throw new AssertionError("the zlib stream was ended");
    }
    return out.toByteArray();
  }
}
