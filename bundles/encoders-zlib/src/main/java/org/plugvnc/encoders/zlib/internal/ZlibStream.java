package org.plugvnc.encoders.zlib.internal;

import java.util.zip.Deflater;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * Writes one rectangle's {@code U32 length} and {@code zlibData} (rfbproto "zlib Encoding",
 * RFC 6143 7.7.6 ZRLE) through the session's zlib stream: "A single zlib stream object is used
 * for a given RFB connection, so that zlib rectangles must be encoded and decoded strictly in
 * order."
 *
 * <p>The {@link Deflater} belongs to the session's {@link org.plugvnc.api.encoding.EncoderContext}:
 * this class never resets or ends it, and ends every rectangle with a {@link Deflater#SYNC_FLUSH}
 * so that the viewer can inflate all of it at once and a later encoder can carry on the stream.
 * The length is written as a placeholder first and filled in with {@link RfbOutput#setU32} once
 * the compressed size is known, so compressed bytes go out as they are made.
 *
 * <p>Callers should {@link #write} large chunks (tens of KiB): zlib's time per call is what costs,
 * not the copying.
 */
final class ZlibStream {

  /**
   * The level when the viewer listed no compression level: TigerVNC's viewer defaults to 2, a
   * good trade between zlib time and size on desktop content.
   */
  static final int DEFAULT_LEVEL = 2;

  private static final byte[] NO_INPUT = new byte[0];

  private final Deflater deflater;
  private final byte[] compressed = new byte[64 * 1024];
  private int level = Deflater.DEFAULT_COMPRESSION;
  private boolean paramsPending;
  private boolean literalsOnly;
  private boolean unflushed;
  private RfbOutput out;
  private int lengthPosition;
  private int length;

  ZlibStream(Deflater deflater) {
    this.deflater = deflater;
  }

  /** The zlib level for a viewer's settings: its compression level if listed, else 2. */
  static int levelFor(EncodingSettings settings) {
    int level = settings.compressLevel();
    return level >= 0 && level <= 9 ? level : DEFAULT_LEVEL;
  }

  /**
   * Asks for {@code level} from the next rectangle on. zlib changes level between two deflate
   * calls without breaking the stream; it is applied at the start of the next {@link #begin}.
   */
  void setLevel(int level) {
    deflater.setLevel(level);
    this.level = level;
    paramsPending = true;
  }

  /** Starts a rectangle's data in {@code target}: the length placeholder. */
  void begin(RfbOutput target) {
    out = target;
    lengthPosition = target.position();
    target.writeU32(0);
    length = 0;
    if (paramsPending) {
      applyParams();
    }
  }

  /**
   * Compresses {@code len} bytes of {@code b} into the rectangle's data. {@code literals} says the
   * bytes are noisy pixels (ZRLE's raw tiles: over 127 colours and few runs), in which zlib's
   * string matching finds little but spends most of its time: they are then coded with
   * {@link Deflater#HUFFMAN_ONLY}. On the test corpus's photograph that is about twice as fast
   * and under 1% larger; on a 1920x1080 mixed desktop at level 2, ZRLE ran 1.6 times as fast for
   * 2% more bytes. A change of strategy takes a sync flush (5 bytes) first, so that zlib applies
   * it at a block boundary.
   */
  void write(byte[] b, int off, int len, boolean literals) {
    if (len == 0) {
      return;
    }
    if (literals != literalsOnly && level != 0) {
      useStrategy(literals);
    }
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      emit(deflater.deflate(compressed, 0, compressed.length, Deflater.NO_FLUSH));
    }
    unflushed = true;
  }

  /**
   * Ends the rectangle at a flush boundary and fills in its length. The stream is left with its
   * default strategy, as the next encoder of the session expects to find it.
   */
  void finish() {
    syncFlush();
    if (literalsOnly) {
      useStrategy(false);
    }
    out.setU32(lengthPosition, length);
    out = null;
  }

  private void useStrategy(boolean literals) {
    if (unflushed) {
      syncFlush();
    }
    deflater.setStrategy(literals ? Deflater.HUFFMAN_ONLY : Deflater.DEFAULT_STRATEGY);
    literalsOnly = literals;
    applyParams();
  }

  /**
   * Applies a level or strategy change on a stream at a flush boundary. The JDK applies one in a
   * deflate call of its own that neither takes input nor flushes; at a boundary that call always
   * succeeds, so no later call (least of all a closing SYNC_FLUSH) is spent on it.
   */
  private void applyParams() {
    deflater.setInput(NO_INPUT);
    emit(deflater.deflate(compressed, 0, compressed.length, Deflater.NO_FLUSH));
    paramsPending = false;
  }

  private void syncFlush() {
    int n;
    do {
      n = deflater.deflate(compressed, 0, compressed.length, Deflater.SYNC_FLUSH);
      emit(n);
    } while (n == compressed.length);
    unflushed = false;
  }

  private void emit(int n) {
    if (n > 0) {
      out.writeBytes(compressed, 0, n);
      length += n;
    }
  }
}
