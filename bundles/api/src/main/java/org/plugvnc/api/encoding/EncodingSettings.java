package org.plugvnc.api.encoding;

/**
 * A viewer's preferences from the pseudo-encodings it listed (the first of each kind counts).
 *
 * @param qualityLevel JPEG quality level 0 to 9 (pseudo-encodings -32 to -23), or -1 if none listed
 * @param fineQuality JPEG quality 0 to 100 (TurboVNC's fine quality, -512 to -412), or -1
 * @param subsampling JPEG subsampling (-768 to -763), or {@code null} if none listed
 * @param compressLevel compression level 0 to 9 (pseudo-encodings -256 to -247), or -1 if none
 * @param tightWithoutZlib whether the viewer listed -317 and so takes Tight's "basic compression
 *     without zlib" subencoding
 */
public record EncodingSettings(int qualityLevel, int fineQuality, Subsampling subsampling,
    int compressLevel, boolean tightWithoutZlib) {

  /** No preference listed. */
  public static final EncodingSettings DEFAULT = new EncodingSettings(-1, -1, null, -1, false);

  /** JPEG quality (1 to 100) for each quality level, as TigerVNC and TurboVNC map them. */
  private static final int[] LEVEL_QUALITY = {15, 29, 41, 42, 62, 77, 79, 86, 92, 100};
  /** Subsampling for each quality level, as TigerVNC maps them. */
  private static final Subsampling[] LEVEL_SUBSAMPLING = {
    Subsampling.FOUR_X, Subsampling.FOUR_X, Subsampling.FOUR_X,
    Subsampling.TWO_X, Subsampling.TWO_X, Subsampling.TWO_X,
    Subsampling.NONE, Subsampling.NONE, Subsampling.NONE, Subsampling.NONE
  };

  /** Whether the viewer allows lossy (JPEG) encoding: it listed a quality level or fine quality. */
  public boolean jpegAllowed() {
    return qualityLevel >= 0 || fineQuality >= 0;
  }

  /** The JPEG quality to use, 1 to 100: the fine quality if listed, else the level's. */
  public int jpegQuality() {
    if (fineQuality >= 0) {
      return Math.max(1, fineQuality);
    }
    return LEVEL_QUALITY[qualityLevel >= 0 ? qualityLevel : 8];
  }

  /** The JPEG subsampling to use: the one listed, else the quality level's. */
  public Subsampling jpegSubsampling() {
    if (subsampling != null) {
      return subsampling;
    }
    return LEVEL_SUBSAMPLING[qualityLevel >= 0 ? qualityLevel : 8];
  }
}
