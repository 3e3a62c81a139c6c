package org.plugvnc.api.encoding;

/** The classes of rectangle content the selector sends to different encoders. */
public enum ContentClass {
  /** One colour. */
  SOLID,
  /** Two colours. */
  BITMAP,
  /** Few enough colours for a palette (the limit depends on the encoding). */
  INDEXED,
  /** More colours than a palette takes. */
  FULL_COLOUR
}
