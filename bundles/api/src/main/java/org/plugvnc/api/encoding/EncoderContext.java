package org.plugvnc.api.encoding;

import java.util.zip.Deflater;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine keeps for one session and one encoding across the encoders it makes for them.
 * Implemented by the engine; used by an encoder on the session's I/O thread.
 */
@ProviderType
public interface EncoderContext {

  /** Most zlib streams one encoding may use on one connection (Tight uses four). */
  int MAX_STREAMS = 4;

  /**
   * The session's zlib stream {@code stream} of this encoding: the same {@link Deflater} for the
   * whole connection, kept by the engine when an encoder is closed and given to the next one for
   * the same encoding, so that a new encoder continues the stream the viewer's inflater follows.
   * Made on first use with zlib's default level; an encoder sets the level it wants. An encoder
   * must end every rectangle at a flush boundary ({@link Deflater#SYNC_FLUSH}) and never call
   * {@link Deflater#end()} or {@link Deflater#reset()} on it unless the viewer is told (Tight's
   * reset bits). The engine ends the streams when the session ends.
   *
   * @param stream 0 to {@link #MAX_STREAMS} - 1
   * @throws IllegalArgumentException for another stream number
   */
  Deflater deflater(int stream);
}
