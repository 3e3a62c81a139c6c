package org.plugvnc.encoders.zlib.internal;

import java.util.Arrays;

/**
 * One pass over a tile that finds everything the choice of a ZRLE or TRLE subencoding needs: its
 * colours in order of first appearance (up to {@link #MAX_PALETTE}), each pixel's palette index,
 * and its runs of equal pixels in raster order (a run may continue onto the next row, as the
 * spec's RLE subencodings allow), with how many of them are single pixels.
 *
 * <p>Colours are told apart as the framebuffer's 0x00RRGGBB values. Two colours that the viewer's
 * format maps to one pixel value then take two palette entries; that costs a little size, never
 * correctness. Colours are looked up in a small open-addressing table whose slots are marked with
 * a generation number, so a new tile needs no clearing.
 *
 * <p>Reused for every tile of one encoder; not thread-safe.
 */
final class TileAnalysis {

  /** Largest palette a tile can use: palette RLE goes up to 127 entries. */
  static final int MAX_PALETTE = 127;

  /** Hash slots: a power of two, four times the palette so that probes stay short. */
  private static final int SLOTS = 512;
  private static final int SLOT_BITS = 9;

  private final int[] palette = new int[MAX_PALETTE];
  private final byte[] indices;
  private final int[] keys = new int[SLOTS];
  private final byte[] slotIndex = new byte[SLOTS];
  private final int[] stamps = new int[SLOTS];
  private int generation;
  private int paletteSize;
  private boolean overflow;
  private int runs;
  private int singles;

  /** An analysis for tiles of up to {@code maxPixels} pixels. */
  TileAnalysis(int maxPixels) {
    indices = new byte[maxPixels];
  }

  /**
   * Analyses the {@code width} x {@code height} tile whose top-left pixel is {@code px[offset]},
   * rows {@code stride} apart.
   */
  void analyse(int[] px, int offset, int stride, int width, int height) {
    startTile();
    byte[] out = indices;
    int previous = ~px[offset];
    int index = 0;
    int runLength = 0;
    int runCount = 0;
    int singleCount = 0;
    int k = 0;
    for (int y = 0; y < height; y++) {
      int row = offset + y * stride;
      for (int x = 0; x < width; x++) {
        int c = px[row + x];
        if (c != previous) {
          previous = c;
          if (runLength == 1) {
            singleCount++;
          }
          runCount++;
          runLength = 0;
          if (!overflow) {
            index = indexOrAdd(c);
          }
        }
        runLength++;
        out[k++] = (byte) index;
      }
    }
    runs = runCount;
    singles = runLength == 1 ? singleCount + 1 : singleCount;
  }

  private void startTile() {
    if (++generation == 0) {
      Arrays.fill(stamps, 0);
      generation = 1;
    }
    paletteSize = 0;
    overflow = false;
  }

  /** The index of {@code c}, adding it; sets {@link #overflow} when the palette is full. */
  private int indexOrAdd(int c) {
    int slot = (c * 0x9E3779B1) >>> (32 - SLOT_BITS);
    while (stamps[slot] == generation) {
      if (keys[slot] == c) {
        return slotIndex[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (paletteSize == MAX_PALETTE) {
      overflow = true;
      return 0;
    }
    stamps[slot] = generation;
    keys[slot] = c;
    slotIndex[slot] = (byte) paletteSize;
    palette[paletteSize] = c;
    return paletteSize++;
  }

  /** The palette index of colour {@code c} in the last tile analysed, or -1 if it has none. */
  int indexOf(int c) {
    int slot = (c * 0x9E3779B1) >>> (32 - SLOT_BITS);
    while (stamps[slot] == generation) {
      if (keys[slot] == c) {
        return slotIndex[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return -1;
  }

  /** Whether the tile has more than {@link #MAX_PALETTE} colours (palette and indices unusable). */
  boolean overflow() {
    return overflow;
  }

  /** The number of colours, when not {@link #overflow()}. */
  int paletteSize() {
    return paletteSize;
  }

  /** The colours (0x00RRGGBB) in order of first appearance; the first {@link #paletteSize()}. */
  int[] palette() {
    return palette;
  }

  /** Each pixel's palette index in raster order, when not {@link #overflow()}. */
  byte[] indices() {
    return indices;
  }

  /** Runs of equal pixels in raster order. */
  int runs() {
    return runs;
  }

  /** Runs that are one pixel long. */
  int singles() {
    return singles;
  }
}
