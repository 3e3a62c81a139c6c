package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.EncoderFactory;

/**
 * What Tight and TightPNG share as factories: both go lossy (JPEG) when the engine asks, and both
 * take rfbproto's "the width of any Tight-encoded rectangle cannot exceed 2048 pixels", with at
 * most 65536 pixels per rectangle as TigerVNC and TurboVNC send, which keeps every buffer small.
 */
abstract class TightFamilyFactory implements EncoderFactory {

  @Override
  public boolean lossy() {
    return true;
  }

  @Override
  public int maxWidth() {
    return TightWire.MAX_WIDTH;
  }

  @Override
  public int maxArea() {
    return TightWire.MAX_AREA;
  }
}
