package org.plugvnc.encoders.tight.internal;

import java.util.zip.Deflater;
import org.plugvnc.api.encoding.EncoderContext;

/**
 * Tight's four zlib streams for one encoder, kept in the session's {@link EncoderContext}.
 *
 * <p>rfbproto: "Four separate zlib streams (0..3) can be used and the decoder should read the actual
 * stream id from the compression-control byte", and "The decoder must reset the zlib streams before
 * decoding the rectangle, if some of the bits 0, 1, 2 and 3 in the compression-control byte are set
 * to 1".
 *
 * <p>A new encoder cannot know what the viewer's inflaters hold: a previous encoder of the session
 * (say, from the bundle before an update) may have compressed data the viewer never saw. So the
 * first time this encoder uses a stream it resets it and reports that stream's reset bit for the
 * rectangle's control byte ({@link org.plugvnc.api.encoding.Continuity#RESTARTS}). A level change
 * needs no reset: {@link Deflater#setLevel} is applied mid-stream at a flush boundary.
 */
final class ZlibStreams {

  private final EncoderContext context;
  private final boolean[] restarted = new boolean[EncoderContext.MAX_STREAMS];
  private final int[] levels = {-2, -2, -2, -2};
  private int resetBits;

  ZlibStreams(EncoderContext context) {
    this.context = context;
  }

  /**
   * Compresses {@code data} on {@code stream} at zlib {@code level}, ending at a
   * {@link Deflater#SYNC_FLUSH} boundary, into {@code out} (cleared first).
   */
  void compress(int stream, int level, ByteSink data, ByteSink out) {
    Deflater deflater = context.deflater(stream);
    if (!restarted[stream]) {
      deflater.reset();
      restarted[stream] = true;
      resetBits |= 1 << stream;
      levels[stream] = -2;
    }
    if (levels[stream] != level) {
      deflater.setLevel(level);
      levels[stream] = level;
    }
    out.clear();
    deflater.setInput(data.array(), 0, data.size());
    int room = data.size() + (data.size() >>> 3) + 64;
    while (true) {
      byte[] b = out.reserve(room);
      int space = b.length - out.size();
      int written = deflater.deflate(b, out.size(), space, Deflater.SYNC_FLUSH);
      out.advance(written);
      // Java applies a new level in a call of its own (zlib's deflateParams), which may compress
      // some input but does not flush: keep calling until zlib has flushed everything.
      if (written < space && deflater.needsInput() && endsWithSyncFlush(out)) {
        return;
      }
      room = Math.max(room, 1024);
    }
  }

  /**
   * Whether {@code out} ends with the empty stored block (00 00 FF FF) zlib writes at the end of a
   * sync flush: the sign that the call was a real flush and not Java's separate level-change call.
   */
  private static boolean endsWithSyncFlush(ByteSink out) {
    byte[] b = out.array();
    int n = out.size();
    return n >= 4 && b[n - 4] == 0 && b[n - 3] == 0 && b[n - 2] == (byte) 0xFF
        && b[n - 1] == (byte) 0xFF;
  }

  /**
   * The reset bits for the rectangle being written (bit n: stream n was reset), cleared by the
   * call.
   */
  int takeResetBits() {
    int bits = resetBits;
    resetBits = 0;
    return bits;
  }
}
