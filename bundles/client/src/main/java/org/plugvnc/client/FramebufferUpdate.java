package org.plugvnc.client;

import java.util.List;

/**
 * A FramebufferUpdate (RFC 6143 7.6.1) after all its rectangles were decoded into the client
 * framebuffer, with the timing and size facts a load client needs.
 *
 * @param rectangles the rectangle headers in wire order
 * @param startNanos {@link System#nanoTime()} when the message type byte had been read
 * @param endNanos {@link System#nanoTime()} when the last rectangle had been decoded
 * @param byteCount bytes the message took on the wire, type byte included
 */
public record FramebufferUpdate(List<Rectangle> rectangles, long startNanos, long endNanos,
    long byteCount) implements ServerMessage {

  /** Copies the rectangle list. */
  public FramebufferUpdate {
    rectangles = List.copyOf(rectangles);
  }

  /**
   * @param encoding an encoding number
   * @return whether any rectangle used it
   */
  public boolean hasEncoding(int encoding) {
    return rectangles.stream().anyMatch(r -> r.encoding() == encoding);
  }

  /**
   * @param encoding an encoding number
   * @return the rectangles that used it, in wire order
   */
  public List<Rectangle> rectangles(int encoding) {
    return rectangles.stream().filter(r -> r.encoding() == encoding).toList();
  }

  /** @return the area covered by rectangles of non-negative (non-pseudo) encodings */
  public long pixelArea() {
    return rectangles.stream().filter(r -> r.encoding() >= 0)
        .mapToLong(r -> (long) r.width() * r.height()).sum();
  }
}
