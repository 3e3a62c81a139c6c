package org.plugvnc.client.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The handshake's current streams: the plain connection at first, then whichever layer a
 * security type put on top of it (TLS, RSA-AES records). One handshake thread only.
 */
final class Wire {

  private final SecurityLayers layers;
  private RfbInput in;
  private OutputStream out;

  Wire(RfbInput in, OutputStream out, SecurityLayers layers) {
    this.in = in;
    this.out = out;
    this.layers = layers;
  }

  RfbInput in() {
    return in;
  }

  OutputStream out() {
    return out;
  }

  SecurityLayers layers() {
    return layers;
  }

  /** Writes {@code bytes} and flushes: one client message. */
  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** From now on reads and writes go through these streams. */
  void layer(RfbInput newIn, OutputStream newOut) {
    this.in = newIn;
    this.out = newOut;
  }
}
