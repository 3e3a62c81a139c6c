package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.Subsampling;

/**
 * What a viewer's preferences mean for Tight: the zlib level of each kind of data, when to use the
 * gradient filter and TurboVNC's "Tight without zlib", how many colours a palette may have when JPEG
 * is allowed, and the JPEG quality and subsampling.
 *
 * <p>The zlib levels follow TigerVNC's table, which comes from The VirtualGL Project's measurements
 * for TurboVNC, with one change at the default level 2: full-colour data (the copy filter) uses zlib
 * level 1 there, not 2. TurboVNC's own finding, quoted in its encoder, is that "for high-color
 * workloads, CL 1 should always be used, as higher compression levels increase CPU usage for these
 * workloads without providing any significant reduction in bandwidth", and TurboVNC maps levels
 * 2 to 8 without JPEG to level 1. Palette and mono data keep TigerVNC's level 3 at the default:
 * that data is small and compresses much better with it.
 *
 * <p>The gradient filter serves full-colour rectangles only where the deployment turned it on
 * ({@link TightConfiguration#gradientFilter()}), at every level but 0 (where nothing is compressed,
 * so filtering gains nothing): on photo-like data it is a third smaller than the copy filter and,
 * here, faster with it (zlib finds more short matches in the residuals), but noVNC does not
 * implement it and TigerVNC never sends it.
 *
 * @param level the compression level, 0 to 9 ({@value #DEFAULT_LEVEL} when the viewer listed none)
 * @param indexedZlib zlib level for palette indexes (stream 2)
 * @param monoZlib zlib level for two-colour bitmaps (stream 1)
 * @param fullColourZlib zlib level for full-colour pixels, copied or gradient-filtered (streams 0, 3)
 * @param gradient whether full-colour data goes through the gradient filter
 * @param withoutZlib whether basic compression goes out uncompressed ("Tight without zlib")
 * @param jpegAllowed whether the viewer listed a JPEG quality level
 * @param jpegQuality JPEG quality 1 to 100
 * @param subsampling JPEG subsampling, 8X and 16X already mapped to 4X
 */
record TightSettings(int level, int indexedZlib, int monoZlib, int fullColourZlib,
    boolean gradient, boolean withoutZlib, boolean jpegAllowed, int jpegQuality,
    Subsampling subsampling) {

  /** TigerVNC's and TurboVNC's default compression level. */
  static final int DEFAULT_LEVEL = 2;

  private static final int[] INDEXED_ZLIB = {0, 1, 3, 5, 6, 7, 7, 8, 9, 9};
  private static final int[] MONO_ZLIB = {0, 1, 3, 5, 7, 8, 8, 9, 9, 9};
  private static final int[] FULL_COLOUR_ZLIB = {0, 1, 1, 2, 3, 4, 5, 6, 7, 9};

  /** The settings before any SetEncodings, without the gradient filter. */
  static final TightSettings DEFAULT = of(EncodingSettings.DEFAULT, false);

  /**
   * The settings for a viewer's preferences.
   *
   * @param gradientFilter whether the deployment allows the gradient filter
   */
  static TightSettings of(EncodingSettings s, boolean gradientFilter) {
    int level = s.compressLevel() < 0 || s.compressLevel() > 9 ? DEFAULT_LEVEL : s.compressLevel();
    Subsampling subsampling = s.jpegSubsampling();
    if (subsampling == Subsampling.EIGHT_X || subsampling == Subsampling.SIXTEEN_X) {
      subsampling = Subsampling.FOUR_X;
    }
    return new TightSettings(level, INDEXED_ZLIB[level], MONO_ZLIB[level], FULL_COLOUR_ZLIB[level],
        gradientFilter && level > 0, level == 0 && s.tightWithoutZlib(), s.jpegAllowed(),
        s.jpegQuality(), subsampling);
  }
}
