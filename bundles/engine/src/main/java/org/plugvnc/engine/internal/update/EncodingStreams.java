package org.plugvnc.engine.internal.update;

import java.util.zip.Deflater;
import org.plugvnc.api.encoding.EncoderContext;

/**
 * The zlib streams of one session and one encoding. They belong to the session, not to an
 * encoder: when an encoder bundle is stopped or updated, the streams stay here with the state the
 * viewer's inflaters follow, and the next encoder of the same encoding continues them. I/O thread
 * only.
 */
final class EncodingStreams implements EncoderContext {

  private final Deflater[] streams = new Deflater[MAX_STREAMS];

  @Override
  public Deflater deflater(int stream) {
    if (stream < 0 || stream >= MAX_STREAMS) {
      throw new IllegalArgumentException("zlib stream " + stream + " is not 0 to " + (MAX_STREAMS - 1));
    }
    Deflater d = streams[stream];
    if (d == null) {
      d = new Deflater();
      streams[stream] = d;
    }
    return d;
  }

  /** Ends every stream made (their native memory is freed now, not at finalization). */
  void end() {
    for (int i = 0; i < streams.length; i++) {
      if (streams[i] != null) {
        streams[i].end();
        streams[i] = null;
      }
    }
  }
}
