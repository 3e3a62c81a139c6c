package org.plugvnc.client;

import java.io.IOException;

/**
 * The server broke the protocol: an unknown message type or encoding, a length above this
 * client's limits, a rectangle outside the framebuffer, a malformed handshake message. The
 * connection cannot continue after it, because the client no longer knows where the next
 * message starts.
 */
public class RfbProtocolException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param message what the server sent and why it is wrong */
  public RfbProtocolException(String message) {
    super(message);
  }
}
