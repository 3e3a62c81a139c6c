package org.plugvnc.encoders.tight.internal;

/** How one rectangle goes out in Tight or TightPNG. */
enum Subencoding {
  /** FillCompression: one TPIXEL for the whole rectangle. */
  FILL,
  /** PaletteFilter with two colours: 1-bit rows (a PNG in TightPNG). */
  MONO,
  /** PaletteFilter with 3 to 256 colours: 8-bit indexes (a PNG in TightPNG). */
  INDEXED,
  /** CopyFilter or GradientFilter (a PNG in TightPNG). */
  FULL_COLOUR,
  /** JpegCompression. */
  JPEG
}
