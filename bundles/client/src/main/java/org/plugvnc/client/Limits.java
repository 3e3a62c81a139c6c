package org.plugvnc.client;

/**
 * Upper bounds this client applies to lengths read from the network, checked before anything is
 * allocated: a server that sends more is reported with an {@link RfbProtocolException}.
 *
 * <p>Lengths that the rectangle itself bounds (zlib output, Tight compact lengths, palettes) are
 * checked against the rectangle and need no entry here.
 *
 * @param maxNameLength longest desktop name in ServerInit, in bytes
 * @param maxReasonLength longest failure reason string, in bytes
 * @param maxCutTextLength longest ServerCutText, in bytes
 * @param maxFramebufferPixels largest framebuffer area (ServerInit or DesktopSize), in pixels
 * @param maxCursorSide largest width or height of a Cursor pseudo-encoding shape
 * @param maxImageLength longest JPEG or PNG image in a Tight or TightPNG rectangle, in bytes
 */
public record Limits(int maxNameLength, int maxReasonLength, int maxCutTextLength,
    int maxFramebufferPixels, int maxCursorSide, int maxImageLength) {

  /**
   * Largest length a Tight compact length can express (22 bits), so the largest JPEG or PNG a
   * server can send at all.
   */
  public static final int MAX_COMPACT_LENGTH = (1 << 22) - 1;

  /**
   * 64 KiB names and reasons, 16 MiB cut text, 64 Mpixel framebuffers, 1024-pixel cursors,
   * images up to the compact-length maximum.
   */
  public static final Limits DEFAULT = new Limits(64 * 1024, 64 * 1024, 16 * 1024 * 1024,
      64 * 1024 * 1024, 1024, MAX_COMPACT_LENGTH);

  /** @throws IllegalArgumentException if any bound is negative */
  public Limits {
    if (maxNameLength < 0 || maxReasonLength < 0 || maxCutTextLength < 0
        || maxFramebufferPixels < 0 || maxCursorSide < 0 || maxImageLength < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }

  /** The limits of the first five components, with images up to {@link #MAX_COMPACT_LENGTH}. */
  public Limits(int maxNameLength, int maxReasonLength, int maxCutTextLength,
      int maxFramebufferPixels, int maxCursorSide) {
    this(maxNameLength, maxReasonLength, maxCutTextLength, maxFramebufferPixels, maxCursorSide,
        MAX_COMPACT_LENGTH);
  }

  /** @return these limits with {@code bytes} as {@link #maxImageLength()} */
  public Limits withMaxImageLength(int bytes) {
    return new Limits(maxNameLength, maxReasonLength, maxCutTextLength, maxFramebufferPixels,
        maxCursorSide, bytes);
  }
}
