package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes per-session encoders for one RFB encoding. Registered as a whiteboard service with
 * {@link #PROPERTY_ENCODING}; where several serve one number, the engine uses the one with the
 * highest service ranking. A factory is stateless and thread-safe; state (zlib streams, caches)
 * belongs to the {@link Encoder}s it makes.
 *
 * <p>When a factory goes away, the engine closes the encoders it made and the sessions using them
 * fall back to another encoding the viewer listed (Raw always remains possible).
 */
@ConsumerType
public interface EncoderFactory {

  /** Service property (Integer): the RFB encoding number, the same as {@link #encoding()}. */
  String PROPERTY_ENCODING = "plugvnc.encoding";

  /**
   * The RFB encoding number this factory serves, such as 0 for Raw. Called by the engine on any
   * thread; a constant; never blocks.
   */
  int encoding();

  /**
   * Whether encoders of this kind encode copies ({@link EncodeRequest#copySource()} set), like
   * CopyRect, rather than pixels. The engine offers copies only to such encoders and pixels only to
   * the others. Called on any engine thread; a constant.
   */
  default boolean encodesCopies() {
    return false;
  }

  /**
   * Whether the bytes its encoders write for a rectangle depend only on that request and the
   * viewer's settings: no state carried from one rectangle to the next (Raw, CopyRect, RRE,
   * Hextile), unlike encodings whose zlib streams live as long as the connection (Zlib, ZRLE,
   * Tight; RFC 6143 7.7.6). The engine may replace a stateless encoder in the middle of a session
   * (a newer factory, a restarted bundle) and may share its output between viewers with the same
   * pixel format. A stateful encoding whose encoder went away is not used again on that session,
   * because a new encoder would start a stream the viewer cannot follow. Called on any engine
   * thread; a constant.
   */
  default boolean stateless() {
    return false;
  }

  /**
   * Makes an encoder for one session. Called by the engine on that session's I/O thread when the
   * viewer first needs this encoding. Must not block.
   */
  Encoder create();
}
