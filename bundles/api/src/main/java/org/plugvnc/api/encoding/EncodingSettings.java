package org.plugvnc.api.encoding;

/**
 * A viewer's preferences from the pseudo-encodings it listed.
 *
 * @param qualityLevel JPEG quality level 0 to 9 (pseudo-encodings -32 to -23), or -1 if none listed
 * @param compressLevel compression level 0 to 9 (pseudo-encodings -256 to -247), or -1 if none
 */
public record EncodingSettings(int qualityLevel, int compressLevel) {

  /** No preference listed. */
  public static final EncodingSettings DEFAULT = new EncodingSettings(-1, -1);
}
