package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes a rectangle as Raw (RFC 6143 section 7.7.1): width * height pixel values, left to right,
 * top to bottom, each in the viewer's pixel format.
 *
 * <p>Pixels are read from the framebuffer in bands of whole rows holding at most
 * {@link #BAND_PIXELS} pixels (or one row, if a row is longer), into a buffer reused across calls:
 * a full-screen rectangle never needs a width * height copy, and each band is one consistent
 * framebuffer read.
 */
final class RawEncoder implements Encoder {

  /** Upper bound on the pixels read in one band, unless a single row is longer. */
  static final int BAND_PIXELS = 4096;

  private int[] band = new int[0];

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect rect = request.rect();
    if (rect.isEmpty()) {
      return;
    }
    int width = rect.width();
    int rowsPerBand = Math.max(1, Math.min(rect.height(), BAND_PIXELS / width));
    int[] buffer = bandBuffer(rowsPerBand * width);
    PixelWriter pixels = request.pixels();
    for (int y = rect.y(); y < rect.bottom(); y += rowsPerBand) {
      int rows = Math.min(rowsPerBand, rect.bottom() - y);
      request.source().read(new Rect(rect.x(), y, width, rows), buffer, 0, width);
      pixels.writePixels(buffer, 0, rows * width, out);
    }
  }

  /** The reused band buffer, grown (never shrunk) to hold {@code pixels}. */
  private int[] bandBuffer(int pixels) {
    if (band.length < pixels) {
      band = new int[pixels];
    }
    return band;
  }

  @Override
  public void close() {
    band = new int[0];
  }
}
