package org.plugvnc.engine.internal.protocol;

import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * One method per client-to-server message of the normal phase (RFC 6143 7.5), called by
 * {@link ClientMessageReader} on the session's I/O thread in arrival order. The values are
 * syntactically valid; semantic checks (a usable pixel format, say) are the handler's.
 */
public interface ClientMessageHandler {

  /** SetPixelFormat: the format may still be invalid (24 bpp, overlapping shifts). */
  void setPixelFormat(PixelFormat format);

  /** SetEncodings: the encodings and pseudo-encodings in the client's order of preference. */
  void setEncodings(int[] encodings);

  /** FramebufferUpdateRequest; the area is not yet clipped to the framebuffer. */
  void framebufferUpdateRequest(boolean incremental, Rect area);

  /** KeyEvent. */
  void keyEvent(KeyEvent event);

  /** PointerEvent; the position is not yet clipped to the framebuffer. */
  void pointerEvent(PointerEvent event);

  /** ClientCutText: the text as sent, ISO 8859-1 bytes. */
  void clientCutText(byte[] latin1);

  /** What becomes of a long ClientCutText, decided once its header is in. */
  enum CutTextAdmission {
    /** Its body is collected and handed to {@link #clientCutText}. */
    ACCEPT,
    /** Its body is read and dropped (a view-only viewer, no clipboard). */
    SKIP,
    /** Not now (no room): nothing is consumed; the handler has reading paused and resumed. */
    WAIT
  }

  /**
   * A ClientCutText longer than {@link ClientMessageReader#STREAMED_ABOVE} bytes (and within the
   * limit) is about to arrive; its body is read as it comes, not gathered in the decoder's buffer.
   */
  default CutTextAdmission admitCutText(int length) {
    return CutTextAdmission.ACCEPT;
  }
}
