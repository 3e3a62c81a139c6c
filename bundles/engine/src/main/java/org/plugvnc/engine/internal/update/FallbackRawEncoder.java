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

  private int[] row = new int[0];

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect r = request.rect();
    if (row.length < r.width()) {
      row = new int[r.width()];
    }
    for (int y = r.y(); y < r.bottom(); y++) {
      request.source().read(new Rect(r.x(), y, r.width(), 1), row, 0, r.width());
      request.pixels().writePixels(row, 0, r.width(), out);
    }
  }
}
