package org.plugvnc.engine.internal.update;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Raw encoding (RFC 6143 7.7.1) built into the engine, used only while no Raw encoder service is
 * registered: every viewer must accept Raw, so with it a session outlives the encoders bundle.
 */
final class FallbackRawEncoder implements Encoder {

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect r = request.rect();
    for (int y = r.y(); y < r.bottom(); y++) {
      request.writer().writePixels(request.pixels(), request.rowStart(y), r.width(), out);
    }
  }
}
