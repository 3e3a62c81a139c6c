package org.plugvnc.testsupport;

import java.util.zip.Deflater;
import org.plugvnc.api.encoding.EncoderContext;

/**
 * An {@link EncoderContext} as the contract describes it: one lazily made {@link Deflater} per
 * stream, kept until {@link #end()}. Hand the same context to a second encoder to see it continue
 * the first one's streams.
 */
public final class TestEncoderContext implements EncoderContext {

  private final Deflater[] streams = new Deflater[MAX_STREAMS];

  @Override
  public Deflater deflater(int stream) {
    if (stream < 0 || stream >= MAX_STREAMS) {
      throw new IllegalArgumentException("stream " + stream);
    }
    if (streams[stream] == null) {
      streams[stream] = new Deflater();
    }
    return streams[stream];
  }

  /** Whether stream {@code stream} was ever asked for. */
  public boolean used(int stream) {
    return streams[stream] != null;
  }

  /** Ends every stream. */
  public void end() {
    for (Deflater d : streams) {
      if (d != null) {
        d.end();
      }
    }
  }
}
