package org.plugvnc.api.capture;

/**
 * The outcome of {@link CaptureBackend#setDesktopSize}, with the status codes rfbproto gives
 * ExtendedDesktopSize replies.
 */
public enum ResizeResult {
  /** The change was taken; the new size follows through {@link DesktopListener#resized}. */
  OK(0),
  /** This desktop does not resize on request. */
  PROHIBITED(1),
  /** Not enough resources (memory, a display limit) for that size. */
  OUT_OF_RESOURCES(2),
  /** The screens do not fit the size or overlap in a way the backend cannot show. */
  INVALID_LAYOUT(3);

  private final int code;

  ResizeResult(int code) {
    this.code = code;
  }

  /** The status code on the wire. */
  public int code() {
    return code;
  }
}
