package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * Tight's BasicCompression: a filter's output, then zlib. rfbproto: "After the pixel data has been
 * filtered with one of the above three filters, it is compressed using the zlib library. But if the
 * data size after applying the filter but before the compression is less then 12, then the data is
 * sent as is, uncompressed. [...] If the compression is not used, then the pixel data is sent as
 * is, otherwise the data stream looks like this: 1-3 bytes length in compact representation,
 * length bytes zlibData". "When the PaletteFilter is used, the palette is sent before the pixel
 * data. The palette begins with an unsigned byte which value is the number of colors in the palette
 * minus 1 [...]. Then follows the palette itself which consist of pixel values in TPIXEL format."
 *
 * <p>At compression level 0, for a viewer that listed -317, the data goes out as TurboVNC's
 * "Tight without zlib": the same layout with the compact length but no zlib (see
 * {@link TightWire#NO_ZLIB}).
 */
final class BasicCompression {

  private final ZlibStreams streams;
  private final TightFilters filters = new TightFilters();
  private final ByteSink data = new ByteSink(TightWire.MAX_AREA * 3);
  private final ByteSink compressed = new ByteSink(TightWire.MAX_AREA);
  private final ByteSink palettePixels = new ByteSink(4 * Palette.MAX_COLOURS + 1);

  BasicCompression(EncoderContext context) {
    streams = new ZlibStreams(context);
  }

  /** Writes a MONO, INDEXED or FULL_COLOUR rectangle, after its 12-byte header. */
  void write(Subencoding kind, EncodeRequest request, TightPixels pixels, Palette palette,
      TightSettings settings, RfbOutput out) {
    data.clear();
    palettePixels.clear();
    switch (kind) {
      case MONO:
        writePalette(palette, pixels);
        TightFilters.mono(request, palette.colour(0), data);
        emit(TightWire.STREAM_MONO, settings.monoZlib(), TightWire.FILTER_PALETTE, settings, out);
        break;
      case INDEXED:
        writePalette(palette, pixels);
        TightFilters.indexes(request, palette, data);
        emit(TightWire.STREAM_INDEXED, settings.indexedZlib(), TightWire.FILTER_PALETTE,
            settings, out);
        break;
      case FULL_COLOUR:
        if (settings.gradient() && pixels.hasComponents()) {
          filters.gradient(request, pixels, data);
          emit(TightWire.STREAM_GRADIENT, settings.fullColourZlib(), TightWire.FILTER_GRADIENT,
              settings, out);
        } else {
          pixels.copy(request, data);
          emit(TightWire.STREAM_FULL_COLOUR, settings.fullColourZlib(), -1, settings, out);
        }
        break;
      default:
        throw new IllegalArgumentException(kind + " is not basic compression");
    }
  }

  /** The palette as the filter sends it: the number of colours minus 1, then the TPIXELs. */
  private void writePalette(Palette palette, TightPixels pixels) {
    palettePixels.writeU8(palette.size() - 1);
    for (int i = 0; i < palette.size(); i++) {
      pixels.writeColour(palette.colour(i), palettePixels);
    }
  }

  /**
   * The control byte, the filter-id when {@code filter} is not -1 (no filter-id byte means the
   * CopyFilter), the palette if any, then {@link #data} raw, or without zlib, or through zlib.
   */
  private void emit(int stream, int zlibLevel, int filter, TightSettings settings,
      RfbOutput out) {
    int filterBit = filter < 0 ? 0 : TightWire.EXPLICIT_FILTER;
    if (data.size() < TightWire.MIN_TO_COMPRESS) {
      writeHead((stream | filterBit) << 4, filter, out);
      data.copyTo(out);
    } else if (settings.withoutZlib()) {
      writeHead((TightWire.NO_ZLIB | filterBit) << 4, filter, out);
      TightWire.writeCompactLength(data.size(), out);
      data.copyTo(out);
    } else {
      streams.compress(stream, zlibLevel, data, compressed);
      writeHead((stream | filterBit) << 4 | streams.takeResetBits(), filter, out);
      TightWire.writeCompactLength(compressed.size(), out);
      compressed.copyTo(out);
    }
  }

  private void writeHead(int control, int filter, RfbOutput out) {
    out.writeU8(control);
    if (filter >= 0) {
      out.writeU8(filter);
    }
    if (palettePixels.size() > 0) {
      palettePixels.copyTo(out);
    }
  }
}
