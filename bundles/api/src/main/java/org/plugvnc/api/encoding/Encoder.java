package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Encodes rectangles for one session. Holds per-connection state (such as zlib streams, RFC 6143
 * 7.7.6), so one instance serves exactly one session. Never sees a socket or a thread of its own:
 * it writes into the {@link RfbOutput} it is given.
 *
 * <p>All methods are called on the session's I/O thread, one at a time, and must not block.
 */
@ConsumerType
public interface Encoder {

  /**
   * Writes the payload of one rectangle: everything after its 12-byte rectangle header, which the
   * engine writes. The rectangle lies inside the framebuffer and within {@link #maxWidth()} and
   * {@link #maxHeight()}.
   *
   * @throws RuntimeException on a bug only; the engine then ends the session with the reason logged
   */
  void encode(EncodeRequest request, RfbOutput out);

  /**
   * The widest rectangle this encoder accepts; the engine splits wider ones. Called on the I/O
   * thread; a constant.
   */
  default int maxWidth() {
    return 65535;
  }

  /** The tallest rectangle this encoder accepts; the engine splits taller ones. */
  default int maxHeight() {
    return 65535;
  }

  /**
   * The viewer's quality and compression preferences changed (a new SetEncodings). Called on the
   * I/O thread between two {@link #encode} calls.
   */
  default void configure(EncodingSettings settings) {}

  /** The session has ended or the factory has gone; release what the encoder holds. */
  default void close() {}
}
