package org.plugvnc.encoders.tight.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.Rect;

/**
 * PNG images for TightPNG's PngCompression through the JDK's ImageIO writer: an 8-bit RGB image,
 * or an indexed one when the rectangle's palette is known (smaller, and quicker to write). The zlib
 * level is passed as ImageIO's compression quality, which the JDK's PNG writer maps to a deflate
 * level of 9 x (1 - quality). One per encoder.
 */
final class PngCompressor implements AutoCloseable {

  private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
  private static final DirectColorModel RGB_MODEL =
      new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);

  private final ImageWriter writer;
  private final ImageWriteParam param;
  private final ByteSink indexes = new ByteSink(4096);
  private final byte[] red = new byte[Palette.MAX_COLOURS];
  private final byte[] green = new byte[Palette.MAX_COLOURS];
  private final byte[] blue = new byte[Palette.MAX_COLOURS];

  PngCompressor() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no ImageIO PNG writer");
    }
    writer = writers.next();
    param = writer.getDefaultWriteParam();
  }

  /**
   * Appends the rectangle as a PNG image.
   *
   * @param palette the rectangle's colours, or {@code null} for an RGB image
   * @param zlibLevel 0 to 9
   */
  void compress(EncodeRequest request, Palette palette, int zlibLevel, ByteSink out) {
    BufferedImage image = palette == null ? rgbImage(request) : indexedImage(request, palette);
    if (param.canWriteCompressed()) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      // Half a step up so that 9 x (1 - quality) truncates to the level itself.
      param.setCompressionQuality(Math.max(0f, Math.min(1f, (8.5f - zlibLevel) / 9f)));
    }
    try (MemoryCacheImageOutputStream stream =
        new MemoryCacheImageOutputStream(out.asOutputStream())) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("ImageIO could not write a PNG", e);
    } finally {
      writer.setOutput(null);
    }
  }

  /** An RGB image viewing the request's array: no copy. */
  private static BufferedImage rgbImage(EncodeRequest request) {
    Rect rect = request.rect();
    int[] px = request.pixels();
    DataBufferInt data = new DataBufferInt(px, px.length - request.offset(), request.offset());
    WritableRaster raster = Raster.createPackedRaster(data, rect.width(), rect.height(),
        request.stride(), RGB_MASKS, null);
    return new BufferedImage(RGB_MODEL, raster, false, null);
  }

  /** An 8-bit indexed image of the palette's indexes, in a reused buffer. */
  private BufferedImage indexedImage(EncodeRequest request, Palette palette) {
    Rect rect = request.rect();
    for (int i = 0; i < palette.size(); i++) {
      int c = palette.colour(i);
      red[i] = (byte) (c >>> 16);
      green[i] = (byte) (c >>> 8);
      blue[i] = (byte) c;
    }
    IndexColorModel model = new IndexColorModel(8, palette.size(), red, green, blue);
    indexes.clear();
    TightFilters.indexes(request, palette, indexes);
    WritableRaster raster = Raster.createInterleavedRaster(
        new DataBufferByte(indexes.array(), indexes.size()),
        rect.width(), rect.height(), rect.width(), 1, new int[] {0}, null);
    return new BufferedImage(model, raster, false, null);
  }

  @Override
  public void close() {
    writer.dispose();
  }
}
