package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Tight encoding (7, rfbproto "Tight Encoding"). The compression-control byte: bits 0-3 reset
 * zlib streams 0-3 ("the decoder must reset the indicated zlib streams even if the compression
 * type is FillCompression or JpegCompression"); the high nibble 0xxx is BasicCompression with
 * bits 5-4 the stream and bit 6 a filter-id byte, 1000 FillCompression (one TPIXEL), 1001
 * JpegCompression (see {@link TightImages}). TurboVNC adds, for clients that list -317 ("Tight
 * without zlib"), 1010 (basic, copy filter, no zlib) and 1110 (basic, filter-id byte, no zlib);
 * there the data is sent as it is, with no length. Any other nibble is refused.
 *
 * <p>Basic compression: the filter ({@link TightFilters}), then the data. "if the data size after
 * applying the filter but before the compression is less then 12, then the data is sent as is,
 * uncompressed", otherwise a compact length and zlib data from the chosen stream, which must
 * inflate to exactly the data size. Also refused: rectangles wider than 2048 ("the width of any
 * Tight-encoded rectangle cannot exceed 2048 pixels"), a palette of one colour (the filter takes
 * "2..256 colors"), the gradient filter at 8 bpp or in a colour map.
 */
public final class TightDecoder implements RectangleDecoder {

  /** Widest Tight rectangle. */
  static final int MAX_WIDTH = 2048;

  private static final int MIN_TO_COMPRESS = 12;
  private static final int FILL = 0x8;
  private static final int JPEG = 0x9;
  private static final int WITHOUT_ZLIB = 0xA;
  private static final int WITHOUT_ZLIB_FILTERED = 0xE;
  private static final int FILTER_COPY = 0;
  private static final int FILTER_PALETTE = 1;
  private static final int FILTER_GRADIENT = 2;

  private final ZlibStream[] streams = new ZlibStream[4];
  private final InflateBuffer buffer = new InflateBuffer();
  private final TightFilters filters = new TightFilters();
  private final byte[] paletteBytes = new byte[256 * 4];
  private final int[] palette = new int[256];

  /** Creates the decoder with four zlib streams, none started. */
  public TightDecoder() {
    for (int i = 0; i < streams.length; i++) {
      streams[i] = new ZlibStream("Tight stream " + i);
    }
  }

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    checkWidth(rect, "Tight");
    int control = in.readU8();
    for (int i = 0; i < streams.length; i++) {
      if ((control & (1 << i)) != 0) {
        streams[i].reset();
      }
    }
    int method = control >>> 4;
    if (method < FILL) {
      basic(in, rect, fb, method & 3, (method & 4) != 0, true);
    } else if (method == FILL) {
      fill(in, rect, fb);
    } else if (method == JPEG) {
      TightImages.jpeg(in, rect, fb, "Tight");
    } else if (method == WITHOUT_ZLIB || method == WITHOUT_ZLIB_FILTERED) {
      if (!fb.listedEncodings().allows(RfbNumbers.ENCODING_TIGHT_WITHOUT_ZLIB)) {
        throw new RfbProtocolException("Tight " + rect + " uses basic compression without zlib"
            + " (control 0x" + Integer.toHexString(control) + "), but the client did not list"
            + " TightWithoutZlib (-317)");
      }
      basic(in, rect, fb, 0, method == WITHOUT_ZLIB_FILTERED, false);
    } else {
      throw new RfbProtocolException("bad Tight compression control 0x"
          + Integer.toHexString(control) + " in " + rect);
    }
  }

  /** @throws RfbProtocolException if {@code rect} is wider than Tight allows */
  static void checkWidth(Rectangle rect, String encoding) throws RfbProtocolException {
    if (rect.width() > MAX_WIDTH) {
      throw new RfbProtocolException(encoding + " " + rect + " is wider than " + MAX_WIDTH);
    }
  }

  /** FillCompression: one TPIXEL for the whole rectangle. */
  static void fill(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    TightPixels tp = TightPixels.of(fb.pixelDecoder());
    byte[] b = fb.scratch(4);
    in.readFully(b, 0, tp.bytes());
    fb.fill(rect.x(), rect.y(), rect.width(), rect.height(), tp.rgb(b, 0));
  }

  private void basic(RfbInput in, Rectangle rect, Framebuffer fb, int stream, boolean filtered,
      boolean zlib) throws IOException {
    TightPixels tp = TightPixels.of(fb.pixelDecoder());
    int filter = filtered ? in.readU8() : FILTER_COPY;
    int colours = 0;
    if (filter == FILTER_PALETTE) {
      colours = readPalette(in, rect, tp);
    } else if (filter == FILTER_GRADIENT) {
      int bpp = fb.pixelFormat().bitsPerPixel();
      if (bpp != 16 && bpp != 32 || !fb.pixelFormat().trueColour()) {
        throw new RfbProtocolException("Tight gradient filter in " + rect + " at " + bpp
            + " bpp; it needs 16 or 32 bpp true colour");
      }
    } else if (filter != FILTER_COPY) {
      throw new RfbProtocolException("unknown Tight filter id " + filter + " in " + rect);
    }
    int size = Sizes.arrayLength(colours > 0 ? TightFilters.paletteDataSize(colours, rect)
        : (long) rect.width() * rect.height() * tp.bytes(), rect);
    byte[] data = readData(in, rect, size, stream, zlib);
    if (filter == FILTER_PALETTE) {
      TightFilters.palette(data, rect, fb, palette, colours);
    } else if (filter == FILTER_GRADIENT) {
      filters.gradient(data, rect, fb, tp);
    } else {
      TightFilters.copy(data, rect, fb, tp);
    }
  }

  private int readPalette(RfbInput in, Rectangle rect, TightPixels tp) throws IOException {
    int colours = in.readU8() + 1;
    if (colours < 2) {
      throw new RfbProtocolException("Tight palette of 1 colour in " + rect
          + "; the palette filter takes 2 to 256");
    }
    in.readFully(paletteBytes, 0, colours * tp.bytes());
    for (int i = 0; i < colours; i++) {
      palette[i] = tp.rgb(paletteBytes, i * tp.bytes());
    }
    return colours;
  }

  private byte[] readData(RfbInput in, Rectangle rect, int size, int stream, boolean zlib)
      throws IOException {
    buffer.ensure(size, size);
    if (!zlib || size < MIN_TO_COMPRESS) {
      in.readFully(buffer.bytes(), 0, size);
      return buffer.bytes();
    }
    int length = CompactLength.read(in);
    int produced = streams[stream].inflate(in, length, buffer, size);
    if (produced != size) {
      throw new RfbProtocolException("Tight " + rect + " inflated to " + produced
          + " bytes; its filtered data takes " + size);
    }
    return buffer.bytes();
  }

  @Override
  public void close() {
    for (ZlibStream s : streams) {
      s.close();
    }
  }
}
