package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.Subsampling;

/**
 * Compresses a rectangle of 0x00RRGGBB pixels into a JFIF stream (what Tight's JpegCompression
 * carries: "The jpeg-data is a JFIF stream"). One instance per encoder, used on the session's I/O
 * thread only.
 */
interface JpegCompressor extends AutoCloseable {

  /**
   * Appends the JFIF stream of the {@code width} x {@code height} pixels whose top-left pixel is
   * {@code pixels[offset]}, rows {@code stride} apart.
   *
   * @param quality 1 (smallest) to 100 (best), libjpeg's scale for its standard tables
   * @param subsampling chrominance subsampling; {@link Subsampling#GRAY} drops chrominance, 8X and
   *     16X are taken as 4X
   * @throws IllegalStateException if the codec fails (a bug or an exhausted machine)
   */
  void compress(int[] pixels, int offset, int stride, int width, int height, int quality,
      Subsampling subsampling, ByteSink out);

  /** The codec's name for logs. */
  String name();

  /** Releases native or cached resources; the compressor is not used again. */
  @Override
  void close();
}
