package org.plugvnc.api.encoding;

import org.osgi.annotation.versioning.ProviderType;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Turns 0x00RRGGBB colours into pixel values of a viewer's pixel format (true colour or colour
 * map) and writes them in its byte order. Implemented by the engine for each session; used by
 * encoders on that session's I/O thread. Never blocks.
 */
@ProviderType
public interface PixelWriter {

  /** The viewer's pixel format. */
  PixelFormat format();

  /** Bytes per written pixel: 1, 2 or 4. */
  default int bytesPerPixel() {
    return format().bytesPerPixel();
  }

  /** The viewer's pixel value for colour {@code rgb} (0x00RRGGBB). */
  int pixelValue(int rgb);

  /**
   * Writes {@code count} colours from {@code rgb[offset]} on as pixel values, each
   * {@link #bytesPerPixel()} bytes in the format's byte order.
   */
  void writePixels(int[] rgb, int offset, int count, RfbOutput out);

  /** Writes one pixel value (as returned by {@link #pixelValue}) in the format's byte order. */
  void writePixelValue(int pixel, RfbOutput out);
}
