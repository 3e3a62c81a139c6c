package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Decodes the data of one rectangle of one encoding into the framebuffer. An instance belongs to
 * one connection, so an encoding with state across rectangles (zlib streams) can keep it in
 * fields. Called on the connection's reading thread only.
 */
@FunctionalInterface
public interface RectangleDecoder {

  /**
   * Reads exactly the rectangle's data from {@code in} and applies it.
   *
   * @param in positioned just after the rectangle header
   * @param rect the header
   * @param framebuffer where pixels, size and cursor go
   * @throws org.plugvnc.client.RfbProtocolException if the data or header break the protocol
   * @throws IOException from the stream
   */
  void decode(RfbInput in, Rectangle rect, Framebuffer framebuffer) throws IOException;

  /**
   * @return whether a rectangle of this encoding ends its FramebufferUpdate, whatever the
   *         update's rectangle count said (LastRect)
   */
  default boolean endsUpdate() {
    return false;
  }

  /** Releases native resources (zlib streams) when the connection ends; idempotent. */
  default void close() {
  }
}
