package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.RfbOutput;

/**
 * Tight's wire numbers, named as in rfbproto.rst ("Tight Encoding", "TightPNG Encoding").
 *
 * <p>"The first byte of each Tight-encoded rectangle is a compression-control byte. The least
 * significant four bits [...] inform the client which zlib compression streams should be reset
 * before decoding the rectangle." "If the bit 7 (the most significant bit) of the
 * compression-control byte is 0, then the compression type is BasicCompression": bits 5-4 name the
 * stream and bit 6 says a filter-id byte follows. Otherwise bits 7-4 are 1000 for FillCompression,
 * 1001 for JpegCompression, and, in TightPNG only, 1010 for PngCompression.
 */
final class TightWire {

  private TightWire() {}

  /** Control-byte bits 7-4 (shifted down): BasicCompression's read-filter-id bit. */
  static final int EXPLICIT_FILTER = 0x4;
  /** Control-byte bits 7-4: FillCompression, "the only pixel value follows, in TPIXEL format". */
  static final int FILL = 0x8;
  /** Control-byte bits 7-4: JpegCompression, a compact length and a JFIF stream. */
  static final int JPEG = 0x9;
  /** Control-byte bits 7-4 in TightPNG: PngCompression, a compact length and a PNG image. */
  static final int PNG = 0xA;
  /**
   * Control-byte bits 7-4 or'ed into a BasicCompression nibble: TurboVNC's "Tight without zlib"
   * (its clients list pseudo-encoding -317): the filtered data follows uncompressed, after a
   * length when it is 12 bytes or more. Not in rfbproto; TigerVNC 1.12 aborts on it.
   */
  static final int NO_ZLIB = 0xA;

  /** filter-id 0: "CopyFilter (no filter)". */
  static final int FILTER_COPY = 0;
  /** filter-id 1: "PaletteFilter". */
  static final int FILTER_PALETTE = 1;
  /** filter-id 2: "GradientFilter". */
  static final int FILTER_GRADIENT = 2;

  /**
   * "If the data size after applying the filter but before the compression is less then 12, then
   * the data is sent as is, uncompressed."
   */
  static final int MIN_TO_COMPRESS = 12;

  /** "the width of any Tight-encoded rectangle cannot exceed 2048 pixels". */
  static final int MAX_WIDTH = 2048;

  /** The largest rectangle, in pixels, rfbproto's Tight servers and TigerVNC send in one piece. */
  static final int MAX_AREA = 65536;

  /** The largest value a compact length holds: 22 bits. */
  static final int MAX_COMPACT_LENGTH = 4194303;

  /** Streams as TightVNC and TigerVNC assign them: one per kind of data. */
  static final int STREAM_FULL_COLOUR = 0;
  static final int STREAM_MONO = 1;
  static final int STREAM_INDEXED = 2;
  static final int STREAM_GRADIENT = 3;

  /**
   * Writes {@code value} "compactly represented in one, two or three bytes": 0xxxxxxx for 0..127,
   * 1xxxxxxx 0yyyyyyy for 128..16383, 1xxxxxxx 1yyyyyyy zzzzzzzz for 16384..4194303, where
   * "xxxxxxx are the least significant 7 bits of the value (bits 0-6), yyyyyyy are bits 7-13, and
   * zzzzzzzz are the most significant 8 bits (bits 14-21)".
   *
   * @throws IllegalArgumentException for a value outside 0..4194303 (a bug: rectangles within the
   *     factory's limits never need more)
   */
  static void writeCompactLength(int value, RfbOutput out) {
    if (value < 0 || value > MAX_COMPACT_LENGTH) {
      throw new IllegalArgumentException("compact length " + value + " out of range");
    }
    if (value <= 0x7F) {
      out.writeU8(value);
    } else if (value <= 0x3FFF) {
      out.writeU16((value & 0x7F | 0x80) << 8 | value >>> 7);
    } else {
      out.writeU8(value & 0x7F | 0x80);
      out.writeU8(value >>> 7 & 0x7F | 0x80);
      out.writeU8(value >>> 14);
    }
  }
}
