package org.plugvnc.capture.x11.internal;

import com.sun.jna.Pointer;
import java.nio.ByteOrder;

/**
 * Turns the rows of an X image into 0x00RRGGBB pixels: TrueColor and DirectColor at 32, 24, 16
 * or 8 bits per pixel from the visual's channel masks (a channel of fewer than 8 bits is scaled to
 * 0..255, rounding), and PseudoColor or other colour-mapped visuals at 8 bits through a palette
 * (from XQueryColors). One converter serves images of one layout; it keeps scratch arrays, so it is
 * used by one thread (the X thread).
 */
final class PixelConverter {

  static final int LSB_FIRST = 0;
  static final int MSB_FIRST = 1;

  private final int bitsPerPixel;
  private final boolean swap;
  private final boolean plain24;
  private final Channel red;
  private final Channel green;
  private final Channel blue;
  /** For 8 and 16 bits per pixel: every pixel value's colour. */
  private final int[] table;
  private int[] ints = new int[0];
  private short[] shorts = new short[0];
  private byte[] bytes = new byte[0];

  /** One colour channel: where it lies in a pixel and how to widen it to 8 bits. */
  private record Channel(long mask, int shift, int bits) {
    static Channel of(long mask) {
      return new Channel(mask, mask == 0 ? 0 : Long.numberOfTrailingZeros(mask), Long.bitCount(mask));
    }

    int value(long pixel) {
      if (bits == 0) {
        return 0;
      }
      long v = (pixel & mask) >>> shift;
      if (bits >= 8) {
        return (int) (v >>> (bits - 8));
      }
      long max = (1L << bits) - 1;
      return (int) ((v * 255 + max / 2) / max);
    }
  }

  /**
   * A converter for images of {@code bitsPerPixel} (8, 16, 24 or 32) in {@code byteOrder}
   * ({@link #LSB_FIRST} or {@link #MSB_FIRST}) with the given masks, or, when {@code palette} is
   * not null (an 8-bit colour-mapped visual), through the palette.
   *
   * @throws IllegalArgumentException for another pixel size, or a palette with other than 8 bits
   */
  PixelConverter(int bitsPerPixel, int byteOrder, long redMask, long greenMask, long blueMask,
      int[] palette) {
    if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32) {
      throw new IllegalArgumentException("unsupported image: " + bitsPerPixel + " bits per pixel");
    }
    if (palette != null && bitsPerPixel != 8) {
      throw new IllegalArgumentException("a colour map needs 8 bits per pixel, not " + bitsPerPixel);
    }
    this.bitsPerPixel = bitsPerPixel;
    boolean nativeLsb = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    this.swap = (byteOrder == LSB_FIRST) != nativeLsb;
    this.red = Channel.of(redMask);
    this.green = Channel.of(greenMask);
    this.blue = Channel.of(blueMask);
    this.plain24 = redMask == 0xFF0000 && greenMask == 0xFF00 && blueMask == 0xFF;
    if (palette != null) {
      table = new int[256];
      for (int i = 0; i < 256; i++) {
        table[i] = i < palette.length ? palette[i] & 0xFFFFFF : 0;
      }
    } else if (bitsPerPixel <= 16) {
      int[] all = new int[1 << bitsPerPixel];
      for (int p = 0; p < all.length; p++) {
        all[p] = fromChannels(p);
      }
      table = all;
    } else {
      table = null;
    }
  }

  /** The colour of one pixel value (as the server stores it, after byte order). */
  int rgb(long pixel) {
    if (table != null && pixel >= 0 && pixel < table.length) {
      return table[(int) pixel];
    }
    return fromChannels(pixel);
  }

  private int fromChannels(long pixel) {
    return red.value(pixel) << 16 | green.value(pixel) << 8 | blue.value(pixel);
  }

  /** Bytes one row of {@code width} pixels takes at least (without the row padding). */
  int rowBytes(int width) {
    return width * (bitsPerPixel / 8);
  }

  /** Converts {@code count} pixels at {@code data + offset} into {@code dst[dstOffset..]}. */
  void convertRow(Pointer data, long offset, int count, int[] dst, int dstOffset) {
    switch (bitsPerPixel) {
      case 32 -> {
        if (plain24 && !swap) {
          // The common case: straight into place, then only the pad byte cleared.
          data.read(offset, dst, dstOffset, count);
          for (int i = dstOffset; i < dstOffset + count; i++) {
            dst[i] &= 0xFFFFFF;
          }
          return;
        }
        int[] row = ints(count);
        data.read(offset, row, 0, count);
        convert32(row, count, dst, dstOffset);
      }
      case 16 -> {
        short[] row = shorts(count);
        data.read(offset, row, 0, count);
        for (int i = 0; i < count; i++) {
          int p = swap ? Short.reverseBytes(row[i]) & 0xFFFF : row[i] & 0xFFFF;
          dst[dstOffset + i] = table[p];
        }
      }
      case 8 -> {
        byte[] row = bytes(count);
        data.read(offset, row, 0, count);
        for (int i = 0; i < count; i++) {
          dst[dstOffset + i] = table[row[i] & 0xFF];
        }
      }
      default -> {
        byte[] row = bytes(count * 3);
        data.read(offset, row, 0, count * 3);
        convert24(row, count, dst, dstOffset);
      }
    }
  }

  /** As {@link #convertRow} from pixels already in Java: 32 bits each, in native byte order. */
  void convert32(int[] row, int count, int[] dst, int dstOffset) {
    if (plain24 && !swap) {
      for (int i = 0; i < count; i++) {
        dst[dstOffset + i] = row[i] & 0xFFFFFF;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      int p = swap ? Integer.reverseBytes(row[i]) : row[i];
      dst[dstOffset + i] = plain24 ? p & 0xFFFFFF : rgb(p & 0xFFFFFFFFL);
    }
  }

  private void convert24(byte[] row, int count, int[] dst, int dstOffset) {
    boolean lsb = swap != (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      int b0 = row[3 * i] & 0xFF;
      int b1 = row[3 * i + 1] & 0xFF;
      int b2 = row[3 * i + 2] & 0xFF;
      int p = lsb ? b2 << 16 | b1 << 8 | b0 : b0 << 16 | b1 << 8 | b2;
      dst[dstOffset + i] = plain24 ? p : rgb(p);
    }
  }

  private int[] ints(int n) {
    if (ints.length < n) {
      ints = new int[n];
    }
    return ints;
  }

  private short[] shorts(int n) {
    if (shorts.length < n) {
      shorts = new short[n];
    }
    return shorts;
  }

  private byte[] bytes(int n) {
    if (bytes.length < n) {
      bytes = new byte[n];
    }
    return bytes;
  }
}
