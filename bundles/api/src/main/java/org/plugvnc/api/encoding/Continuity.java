package org.plugvnc.api.encoding;

/**
 * What a session's use of an encoding can survive when the engine replaces its encoder with one
 * made by another factory for the same encoding (a bundle stopped and started again, updated, or
 * outranked). The viewer keeps its decoder state for the whole connection (RFC 6143 7.7.6), so a
 * new encoder must either need none, restart the viewer's state, or carry on from the old one.
 */
public enum Continuity {

  /** Nothing carries from one rectangle to the next (Raw, CopyRect, RRE, CoRRE, Hextile, TRLE). */
  STATELESS,

  /**
   * A new encoder tells the viewer to start again before it relies on any state: Tight resets its
   * zlib streams with the reset bits of its compression-control byte.
   */
  RESTARTS,

  /**
   * All state the viewer follows lives in the session's {@link EncoderContext} (its zlib streams),
   * which the engine keeps when an encoder closes and hands to the next encoder of the same
   * encoding, so the stream goes on where it stopped (Zlib, ZRLE).
   */
  CONTINUES,

  /**
   * The encoder keeps private state the viewer follows; once it has closed, the session never uses
   * this encoding again and falls back to the next encoding the viewer listed.
   */
  ENDS
}
