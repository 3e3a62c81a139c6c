package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.pixel.PixelFormat;

/** A test viewer's decoder for one encoding, keeping its state across rectangles. */
interface Viewer {

  /** Decodes one rectangle's whole payload into its colours (0x00RRGGBB), row by row. */
  int[] decode(byte[] payload, int width, int height, PixelFormat format);
}
