package org.plugvnc.api.encoding;

/**
 * JPEG chrominance subsampling a viewer asks for with the subsampling pseudo-encodings (-768 to
 * -763, as TurboVNC and TigerVNC define them).
 */
public enum Subsampling {
  /** 4:4:4, no chrominance subsampling (-768, "1X"). */
  NONE,
  /** 4:2:0, chrominance halved both ways (-767, "4X"). */
  FOUR_X,
  /** 4:2:2, chrominance halved horizontally (-766, "2X"). */
  TWO_X,
  /** Luminance only (-765, "gray"). */
  GRAY,
  /** 8X (-764): no JPEG codec here does it; encoders use {@link #FOUR_X}, as TigerVNC does. */
  EIGHT_X,
  /** 16X (-763): as {@link #EIGHT_X}. */
  SIXTEEN_X
}
