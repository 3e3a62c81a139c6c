package org.plugvnc.encoders.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * How pixel values lie in bytes on the wire (RFC 6143 7.4: bitsPerPixel / 8 bytes, in the format's
 * byte order), written straight into a byte array.
 *
 * <p>Each layout has its own loops, so that the per-pixel work of a whole row is one virtual call
 * away rather than one per pixel; multi-byte values go out in a single store through a byte-array
 * view.
 */
enum PixelLayout {

  /** 8 bits per pixel. */
  ONE(1) {
    @Override
    void put(byte[] b, int pos, int value) {
      b[pos] = (byte) value;
    }

    @Override
    void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        b[pos + i] = (byte) writer.pixelValue(rgb[from + i]);
      }
    }

    @Override
    void putValues(int[] values, int from, int count, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        b[pos + i] = (byte) values[from + i];
      }
    }
  },

  /** 16 bits per pixel, least significant byte first. */
  TWO_LITTLE(2) {
    @Override
    void put(byte[] b, int pos, int value) {
      SHORT_LE.set(b, pos, (short) value);
    }

    @Override
    void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        SHORT_LE.set(b, pos + 2 * i, (short) writer.pixelValue(rgb[from + i]));
      }
    }

    @Override
    void putValues(int[] values, int from, int count, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        SHORT_LE.set(b, pos + 2 * i, (short) values[from + i]);
      }
    }
  },

  /** 16 bits per pixel, most significant byte first. */
  TWO_BIG(2) {
    @Override
    void put(byte[] b, int pos, int value) {
      SHORT_BE.set(b, pos, (short) value);
    }

    @Override
    void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        SHORT_BE.set(b, pos + 2 * i, (short) writer.pixelValue(rgb[from + i]));
      }
    }

    @Override
    void putValues(int[] values, int from, int count, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        SHORT_BE.set(b, pos + 2 * i, (short) values[from + i]);
      }
    }
  },

  /** 32 bits per pixel, least significant byte first. */
  FOUR_LITTLE(4) {
    @Override
    void put(byte[] b, int pos, int value) {
      INT_LE.set(b, pos, value);
    }

    @Override
    void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        INT_LE.set(b, pos + 4 * i, writer.pixelValue(rgb[from + i]));
      }
    }

    @Override
    void putValues(int[] values, int from, int count, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        INT_LE.set(b, pos + 4 * i, values[from + i]);
      }
    }
  },

  /** 32 bits per pixel, most significant byte first. */
  FOUR_BIG(4) {
    @Override
    void put(byte[] b, int pos, int value) {
      INT_BE.set(b, pos, value);
    }

    @Override
    void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        INT_BE.set(b, pos + 4 * i, writer.pixelValue(rgb[from + i]));
      }
    }

    @Override
    void putValues(int[] values, int from, int count, byte[] b, int pos) {
      for (int i = 0; i < count; i++) {
        INT_BE.set(b, pos + 4 * i, values[from + i]);
      }
    }
  };

  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /** Bytes per pixel value. */
  final int bytes;

  PixelLayout(int bytes) {
    this.bytes = bytes;
  }

  /** The layout of {@code format}, which is valid (8, 16 or 32 bits per pixel). */
  static PixelLayout of(PixelFormat format) {
    switch (format.bitsPerPixel()) {
      case 8:
        return ONE;
      case 16:
        return format.bigEndian() ? TWO_BIG : TWO_LITTLE;
      case 32:
        return format.bigEndian() ? FOUR_BIG : FOUR_LITTLE;
      default:
        throw new IllegalArgumentException("bits-per-pixel " + format.bitsPerPixel());
    }
  }

  /** Writes one pixel value at {@code b[pos]}; the caller has made room for {@link #bytes}. */
  abstract void put(byte[] b, int pos, int value);

  /**
   * Writes the pixel values of {@code count} colours from {@code rgb[from]} on, converted by
   * {@code writer}, at {@code b[pos]} on; the caller has made room for {@code count * bytes}.
   */
  abstract void putColours(int[] rgb, int from, int count, PixelWriter writer, byte[] b, int pos);

  /** Writes {@code count} pixel values from {@code values[from]} on at {@code b[pos]} on. */
  abstract void putValues(int[] values, int from, int count, byte[] b, int pos);
}
