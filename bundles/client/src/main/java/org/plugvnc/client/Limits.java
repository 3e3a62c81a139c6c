package org.plugvnc.client;

/**
 * Upper bounds this client applies to lengths read from the network, checked before anything is
 * allocated: a server that sends more is reported with an {@link RfbProtocolException}.
 *
 * @param maxNameLength longest desktop name in ServerInit, in bytes
 * @param maxReasonLength longest failure reason string, in bytes
 * @param maxCutTextLength longest ServerCutText, in bytes
 * @param maxFramebufferPixels largest framebuffer area (ServerInit or DesktopSize), in pixels
 * @param maxCursorSide largest width or height of a Cursor pseudo-encoding shape
 */
public record Limits(int maxNameLength, int maxReasonLength, int maxCutTextLength,
    int maxFramebufferPixels, int maxCursorSide) {

  /** 64 KiB names and reasons, 16 MiB cut text, 64 Mpixel framebuffers, 1024-pixel cursors. */
  public static final Limits DEFAULT = new Limits(64 * 1024, 64 * 1024, 16 * 1024 * 1024,
      64 * 1024 * 1024, 1024);

  /** @throws IllegalArgumentException if any bound is negative */
  public Limits {
    if (maxNameLength < 0 || maxReasonLength < 0 || maxCutTextLength < 0
        || maxFramebufferPixels < 0 || maxCursorSide < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }
}
