package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes per-session encoders for one RFB encoding. Registered as a whiteboard service with
 * {@link #PROPERTY_ENCODING}; where several serve one number, the engine uses the one with the
 * highest service ranking. A factory is stateless and thread-safe; state (zlib streams, caches)
 * belongs to the {@link Encoder}s it makes, or to the session's {@link EncoderContext}.
 *
 * <p>The engine's selector decides which encoding each rectangle goes out in, from the encodings
 * the viewer listed and the registered factories; a factory only says what its encoders can do.
 * When a factory goes away, the engine closes the encoders it made and the sessions using them
 * move to another encoding the viewer listed (Raw always remains possible); what happens when one
 * for the same encoding comes back is told by {@link #continuity()}.
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
   * What becomes of a session's use of this encoding when its encoder is replaced (the bundle
   * stopped and started, updated, or a higher-ranked factory registered). Called on any engine
   * thread; a constant. The default, {@link Continuity#ENDS}, is the safe answer for an encoder
   * with private state the viewer depends on.
   */
  default Continuity continuity() {
    return Continuity.ENDS;
  }

  /**
   * Whether encoders of this kind can encode a rectangle lossily when the engine asks
   * ({@link RectContent#jpeg()}), as Tight and TightPNG can with JPEG. Called on any engine
   * thread; a constant.
   */
  default boolean lossy() {
    return false;
  }

  /** The widest rectangle an encoder accepts; the engine splits wider ones. A constant. */
  default int maxWidth() {
    return 65535;
  }

  /** The tallest rectangle an encoder accepts; the engine splits taller ones. A constant. */
  default int maxHeight() {
    return 65535;
  }

  /**
   * The largest rectangle, in pixels, an encoder accepts; the engine splits larger ones into bands
   * of whole rows. A constant.
   */
  default int maxArea() {
    return Integer.MAX_VALUE;
  }

  /**
   * Makes an encoder for one session. Called by the engine on that session's I/O thread when the
   * viewer first needs this encoding, and again after an encoder was replaced. Must not block.
   *
   * @param context the session's services for this encoding; valid until the encoder is closed
   */
  Encoder create(EncoderContext context);
}
