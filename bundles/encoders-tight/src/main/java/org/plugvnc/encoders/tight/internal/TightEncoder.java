package org.plugvnc.encoders.tight.internal;

import java.util.function.Supplier;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Encodes rectangles as Tight (7) or TightPNG (-260) for one session: FillCompression for one
 * colour, JpegCompression when asked to be lossy, and else BasicCompression (Tight) or
 * PngCompression (TightPNG, which "disallows the BasicCompression type and replaces it with a new
 * PngCompression type"). {@link SubencodingChoice} decides which.
 *
 * <p>JpegCompression and PngCompression, rfbproto: "1-3 bytes length in compact representation,
 * length bytes jpeg-data", and for PNG "the data stream is the same as JpegCompression [...] except
 * that the jpeg-data is replaced by png-data".
 */
final class TightEncoder implements Encoder {

  private final boolean png;
  private final EncoderContext context;
  private final Supplier<JpegCompressor> jpegCodec;
  private final boolean gradientFilter;
  private final Palette palette = new Palette();
  private final SubencodingChoice choice = new SubencodingChoice(palette);
  private final ByteSink image = new ByteSink(16 * 1024);
  private final ByteSink fill = new ByteSink(8);
  private TightSettings settings;
  private TightPixels pixels;
  private BasicCompression basic;
  private JpegCompressor jpeg;
  private PngCompressor pngCodec;

  /**
   * @param png true for TightPNG, false for Tight
   * @param context the session's zlib streams (Tight only)
   * @param jpegCodec makes this session's JPEG compressor on first use
   * @param gradientFilter whether full-colour data may go through the gradient filter
   */
  TightEncoder(boolean png, EncoderContext context, Supplier<JpegCompressor> jpegCodec,
      boolean gradientFilter) {
    this.png = png;
    this.context = context;
    this.jpegCodec = jpegCodec;
    this.gradientFilter = gradientFilter;
    this.settings = TightSettings.of(EncodingSettings.DEFAULT, gradientFilter);
  }

  @Override
  public void configure(EncodingSettings encodingSettings) {
    settings = TightSettings.of(encodingSettings, gradientFilter);
  }

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    if (request.rect().isEmpty()) {
      return;
    }
    if (pixels == null || pixels.writer() != request.writer()) {
      pixels = new TightPixels(request.writer());
    }
    Subencoding kind = choice.choose(request, pixels, settings, png);
    switch (kind) {
      case FILL:
        fill.clear();
        pixels.writeColour(palette.colour(0), fill);
        out.writeU8(TightWire.FILL << 4);
        fill.copyTo(out);
        break;
      case JPEG:
        writeJpeg(request, out);
        break;
      default:
        if (png) {
          writePng(request, kind, out);
        } else {
          basic().write(kind, request, pixels, palette, settings, out);
        }
    }
  }

  private void writeJpeg(EncodeRequest request, RfbOutput out) {
    if (jpeg == null) {
      jpeg = jpegCodec.get();
    }
    Rect rect = request.rect();
    image.clear();
    jpeg.compress(request.pixels(), request.offset(), request.stride(), rect.width(),
        rect.height(), settings.jpegQuality(), settings.subsampling(), image);
    writeImage(TightWire.JPEG, out);
  }

  private void writePng(EncodeRequest request, Subencoding kind, RfbOutput out) {
    if (pngCodec == null) {
      pngCodec = new PngCompressor();
    }
    image.clear();
    boolean indexed = kind == Subencoding.MONO || kind == Subencoding.INDEXED;
    int level = indexed ? settings.indexedZlib() : settings.fullColourZlib();
    pngCodec.compress(request, indexed ? palette : null, level, image);
    writeImage(TightWire.PNG, out);
  }

  /** The control byte, the compact length and the image. No stream is reset: none is used. */
  private void writeImage(int compression, RfbOutput out) {
    out.writeU8(compression << 4);
    TightWire.writeCompactLength(image.size(), out);
    image.copyTo(out);
  }

  private BasicCompression basic() {
    if (basic == null) {
      basic = new BasicCompression(context);
    }
    return basic;
  }

  @Override
  public void close() {
    if (jpeg != null) {
      jpeg.close();
      jpeg = null;
    }
    if (pngCodec != null) {
      pngCodec.close();
      pngCodec = null;
    }
    basic = null;
  }
}
