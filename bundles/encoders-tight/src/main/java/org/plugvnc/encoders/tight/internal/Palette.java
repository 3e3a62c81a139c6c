package org.plugvnc.encoders.tight.internal;

import java.util.Arrays;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.Rect;

/**
 * The distinct colours of one rectangle, up to {@value #MAX_COLOURS} (the most Tight's palette filter
 * takes), in order of first appearance, with a hash table from colour to index. Reused from
 * rectangle to rectangle; one per encoder.
 */
final class Palette {

  static final int MAX_COLOURS = 256;

  /** Open addressing, at most a quarter full, so a lookup rarely probes twice. */
  private static final int TABLE_BITS = 10;
  private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

  private final int[] colours = new int[MAX_COLOURS];
  private final int[] tableColour = new int[1 << TABLE_BITS];
  /** Index + 1 of the colour in each slot; 0 for an empty slot. */
  private final short[] tableIndex = new short[1 << TABLE_BITS];
  private int size;

  int size() {
    return size;
  }

  /** Colour {@code i} as 0x00RRGGBB. */
  int colour(int i) {
    return colours[i];
  }

  /** Holds exactly {@code palette} (at most {@value #MAX_COLOURS} distinct colours). */
  void load(int[] palette) {
    clear();
    for (int c : palette) {
      add(c);
    }
  }

  /**
   * Collects the rectangle's colours until more than {@code limit} (at most
   * {@value #MAX_COLOURS}) are found.
   *
   * @return the number of distinct colours, or {@code limit + 1} if there are more than
   *     {@code limit} (the palette is then incomplete)
   */
  int collect(EncodeRequest request, int limit) {
    clear();
    Rect rect = request.rect();
    int[] px = request.pixels();
    int previous = px[request.offset()];
    add(previous);
    for (int row = 0; row < rect.height(); row++) {
      int start = request.offset() + row * request.stride();
      for (int i = start, end = start + rect.width(); i < end; i++) {
        int c = px[i];
        if (c != previous) {
          previous = c;
          if (add(c) && size > limit) {
            return size;
          }
        }
      }
    }
    return size;
  }

  /** The index of {@code rgb}, which must be in the palette. */
  int indexOf(int rgb) {
    int slot = slot(rgb);
    while (tableIndex[slot] != 0) {
      if (tableColour[slot] == rgb) {
        return tableIndex[slot] - 1;
      }
      slot = (slot + 1) & TABLE_MASK;
    }
    throw new IllegalStateException("colour 0x" + Integer.toHexString(rgb) + " not in the palette");
  }

  private void clear() {
    if (size > 0) {
      Arrays.fill(tableIndex, (short) 0);
      size = 0;
    }
  }

  /** Adds {@code rgb} if new and there is room; returns whether it was new. */
  private boolean add(int rgb) {
    int slot = slot(rgb);
    while (tableIndex[slot] != 0) {
      if (tableColour[slot] == rgb) {
        return false;
      }
      slot = (slot + 1) & TABLE_MASK;
    }
    if (size >= MAX_COLOURS) {
      size = MAX_COLOURS + 1;
      return true;
    }
    tableColour[slot] = rgb;
    tableIndex[slot] = (short) (size + 1);
    colours[size++] = rgb;
    return true;
  }

  private static int slot(int rgb) {
    return (rgb * 0x9E3779B1) >>> (32 - TABLE_BITS);
  }
}
