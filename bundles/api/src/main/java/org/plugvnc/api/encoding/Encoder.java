package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Encodes rectangles for one session. One instance serves exactly one session: per-connection
 * state lives here or in its {@link EncoderContext}. Never sees a socket or a thread of its own:
 * it writes into the {@link RfbOutput} it is given.
 *
 * <p>All methods are called on the session's I/O thread, one at a time, and must not block.
 */
@ConsumerType
public interface Encoder {

  /**
   * Writes the payload of one rectangle: everything after its 12-byte rectangle header, which the
   * engine writes with this encoder's encoding number. The rectangle lies inside the framebuffer and
   * within the factory's limits.
   *
   * @throws RuntimeException on a bug only; the engine then ends the session with the reason logged
   */
  void encode(EncodeRequest request, RfbOutput out);

  /**
   * The viewer's quality and compression preferences, before the first {@link #encode} and again
   * whenever a SetEncodings changes them. Called on the I/O thread between two encode calls.
   */
  default void configure(EncodingSettings settings) {}

  /**
   * The session has ended or the factory has gone; release what the encoder holds. The context's
   * zlib streams are not the encoder's to end.
   */
  default void close() {}
}
