package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Writes tiles in the subencodings ZRLE (RFC 6143 7.7.6) and TRLE (RFC 6143 7.7.5) share, choosing
 * for each tile the one that comes out smallest by a size estimate from a single
 * {@link TileAnalysis}:
 * <ul>
 *   <li>0, raw: width * height CPIXELs;
 *   <li>1, solid: one CPIXEL;
 *   <li>2 to 16, packed palette: the palette, then indexes of 1 bit (2 colours), 2 bits (3 or 4)
 *       or 4 bits (5 to 16), "the most significant bits representing the leftmost pixel", each
 *       row padded to whole bytes;
 *   <li>128, plain RLE: runs of a CPIXEL and a length;
 *   <li>130 to 255, palette RLE with 2 to 127 colours: the palette, then runs of one index byte
 *       (length 1) or the index + 128 and a length;
 *   <li>TRLE only, with palette reuse on: 127 (packed) and 129 (palette RLE) "indicate that the
 *       palette is to be reused from the last tile that had a palette".
 * </ul>
 * A run length L is written as floor((L - 1) / 255) bytes of 255 and one of (L - 1) % 255; runs
 * may continue onto the next row.
 *
 * <p>Palette reuse is offered only right after a tile that sent or reused a palette (2 to 16, 127,
 * 129, 130 to 255), and 127 only for a palette of at most 16 colours. Viewers disagree on what a
 * solid, raw or plain RLE tile in between means for "the last tile that had a palette"
 * (libvncclient takes a solid tile's colour as a one-colour palette for 127); an encoder that
 * never relies on either reading is understood by all of them. The current tile's colours need
 * only be among the reused palette's, in any order.
 *
 * <p>The estimates (bytes after the subencoding byte, bpc = bytes per CPIXEL, P colours, R runs of
 * which S are single pixels): raw n * bpc; plain RLE R * (bpc + 1); palette RLE P * bpc + 2 (R - S)
 * + S; packed P * bpc + rows * bytes per packed row; the reuse forms the same without the palette.
 * Long runs' extra length bytes are left out: one per 255 pixels.
 */
final class TileCoder {

  private static final int RAW = 0;
  private static final int SOLID = 1;
  private static final int PACKED = 2;
  private static final int PLAIN_RLE = 3;
  private static final int PALETTE_RLE = 4;
  private static final int REUSE_PACKED = 5;
  private static final int REUSE_RLE = 6;

  private static final byte[] IDENTITY = new byte[TileAnalysis.MAX_PALETTE];

  static {
    for (int i = 0; i < IDENTITY.length; i++) {
      IDENTITY[i] = (byte) i;
    }
  }

  private final boolean paletteReuse;
  private final TileAnalysis[] analyses;
  private final byte[] remap = new byte[TileAnalysis.MAX_PALETTE];
  private PixelWriter writer;
  private PixelFormat format;
  private PixelBytes bytes;
  /** The analysis holding the palette the viewer would reuse, or null when reuse is off. */
  private TileAnalysis paletteOwner;

  /**
   * A coder for tiles of up to {@code maxPixels} pixels; {@code paletteReuse} enables TRLE's
   * subencodings 127 and 129.
   */
  TileCoder(int maxPixels, boolean paletteReuse) {
    this.paletteReuse = paletteReuse;
    // Reuse needs the owner's palette kept while the next tile is analysed: two analyses.
    analyses = new TileAnalysis[paletteReuse ? 2 : 1];
    for (int i = 0; i < analyses.length; i++) {
      analyses[i] = new TileAnalysis(maxPixels);
    }
  }

  /** The most bytes one tile of {@code pixels} pixels can take (raw, or a bit less than raw). */
  static int maxTileBytes(int pixels) {
    return 2 + 5 * pixels;
  }

  /** Starts a rectangle for {@code w}: palette reuse never reaches back into an earlier one. */
  void startRect(PixelWriter w) {
    writer = w;
    if (!w.format().equals(format)) {
      format = w.format();
      bytes = PixelBytes.compact(format);
    }
    paletteOwner = null;
  }

  /** Writes a tile known to be all {@code rgb} (the selector found a solid rectangle). */
  void solidTile(int rgb, ByteSink sink) {
    byte[] b = sink.room(1 + bytes.size());
    int pos = sink.size();
    b[pos] = 1;
    sink.size(bytes.put(writer.pixelValue(rgb), b, pos + 1));
    paletteOwner = null;
  }

  /**
   * Writes the {@code w} x {@code h} tile whose top-left pixel is {@code px[offset]}, rows
   * {@code stride} apart, in its smallest subencoding. Returns whether that was raw.
   */
  boolean tile(int[] px, int offset, int stride, int w, int h, ByteSink sink) {
    TileAnalysis a = paletteOwner == analyses[0] ? analyses[1] : analyses[0];
    a.analyse(px, offset, stride, w, h);
    int kind = choose(a, w, h);
    byte[] b = sink.room(maxTileBytes(w * h));
    int pos = sink.size();
    switch (kind) {
      case SOLID:
        b[pos] = 1;
        pos = bytes.put(writer.pixelValue(a.palette()[0]), b, pos + 1);
        break;
      case PACKED:
        b[pos] = (byte) a.paletteSize();
        pos = TileBodies.packed(a.indices(), IDENTITY, bitsFor(a.paletteSize()), w, h, b,
            writePalette(a, b, pos + 1));
        break;
      case PALETTE_RLE:
        b[pos] = (byte) (128 + a.paletteSize());
        pos = TileBodies.paletteRle(a.indices(), IDENTITY, w * h, b, writePalette(a, b, pos + 1));
        break;
      case REUSE_PACKED:
        b[pos] = 127;
        pos = TileBodies.packed(a.indices(), remap, bitsFor(paletteOwner.paletteSize()), w, h, b,
            pos + 1);
        break;
      case REUSE_RLE:
        b[pos] = (byte) 129;
        pos = TileBodies.paletteRle(a.indices(), remap, w * h, b, pos + 1);
        break;
      case PLAIN_RLE:
        b[pos] = (byte) 128;
        pos = TileBodies.plainRle(px, offset, stride, w, h, writer, bytes, b, pos + 1);
        break;
      default:
        b[pos] = 0;
        pos = TileBodies.raw(px, offset, stride, w, h, writer, bytes, b, pos + 1);
        break;
    }
    sink.size(pos);
    if (paletteReuse && (kind == PACKED || kind == PALETTE_RLE)) {
      paletteOwner = a;
    } else if (kind != REUSE_PACKED && kind != REUSE_RLE) {
      paletteOwner = null;
    }
    return kind == RAW;
  }

  /** The subencoding with the smallest estimated size; see the class comment. */
  private int choose(TileAnalysis a, int w, int h) {
    int bpc = bytes.size();
    int best = w * h * bpc;
    int kind = RAW;
    int plain = a.runs() * (bpc + 1);
    if (plain < best) {
      best = plain;
      kind = PLAIN_RLE;
    }
    if (a.overflow()) {
      return kind;
    }
    int colours = a.paletteSize();
    if (colours == 1) {
      return SOLID;
    }
    int rleBody = 2 * (a.runs() - a.singles()) + a.singles();
    if (colours * bpc + rleBody < best) {
      best = colours * bpc + rleBody;
      kind = PALETTE_RLE;
    }
    if (colours <= 16 && colours * bpc + packedBytes(colours, w, h) < best) {
      best = colours * bpc + packedBytes(colours, w, h);
      kind = PACKED;
    }
    if (paletteOwner != null && Math.min(rleBody, packedBytes(2, w, h)) < best && remapTo(a)) {
      if (rleBody < best) {
        best = rleBody;
        kind = REUSE_RLE;
      }
      int reused = paletteOwner.paletteSize();
      if (reused <= 16 && packedBytes(reused, w, h) < best) {
        kind = REUSE_PACKED;
      }
    }
    return kind;
  }

  /** Maps the tile's palette indexes to the reused palette's; false if a colour is not in it. */
  private boolean remapTo(TileAnalysis a) {
    int[] palette = a.palette();
    for (int i = 0; i < a.paletteSize(); i++) {
      int index = paletteOwner.indexOf(palette[i]);
      if (index < 0) {
        return false;
      }
      remap[i] = (byte) index;
    }
    return true;
  }

  private int writePalette(TileAnalysis a, byte[] b, int pos) {
    int[] palette = a.palette();
    for (int i = 0; i < a.paletteSize(); i++) {
      pos = bytes.put(writer.pixelValue(palette[i]), b, pos);
    }
    return pos;
  }

  /** Bits per packed index for a palette of {@code colours} (2 to 16). */
  static int bitsFor(int colours) {
    return colours <= 2 ? 1 : colours <= 4 ? 2 : 4;
  }

  private static int packedBytes(int colours, int w, int h) {
    return (w * bitsFor(colours) + 7) / 8 * h;
  }
}
