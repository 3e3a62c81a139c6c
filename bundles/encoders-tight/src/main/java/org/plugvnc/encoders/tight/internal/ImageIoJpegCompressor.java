package org.plugvnc.encoders.tight.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.plugvnc.api.encoding.Subsampling;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * JPEG through the JDK's ImageIO writer: always there, slower than libjpeg-turbo. Quality goes to
 * {@link ImageWriteParam#setCompressionQuality} (ImageIO scales the standard tables the way libjpeg
 * does); subsampling is set in the native metadata's sampling factors, gray by writing a one-band
 * image of the JPEG luminance.
 */
final class ImageIoJpegCompressor implements JpegCompressor {

  private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

  private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
  private static final ColorModel RGB_MODEL = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
  private static final ColorModel GRAY_MODEL =
      new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).getColorModel();

  private final ImageWriter writer;
  private final ImageWriteParam param;
  private final Map<Subsampling, IIOMetadata> metadata = new EnumMap<>(Subsampling.class);
  private byte[] gray = new byte[0];

  ImageIoJpegCompressor() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no ImageIO JPEG writer");
    }
    writer = writers.next();
    param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
  }

  @Override
  public String name() {
    return "ImageIO";
  }

  @Override
  public void compress(int[] pixels, int offset, int stride, int width, int height, int quality,
      Subsampling subsampling, ByteSink out) {
    BufferedImage image = subsampling == Subsampling.GRAY
        ? grayImage(pixels, offset, stride, width, height)
        : rgbImage(pixels, offset, stride, width, height);
    param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
    try (MemoryCacheImageOutputStream stream =
        new MemoryCacheImageOutputStream(out.asOutputStream())) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, metadataFor(subsampling, image)), param);
    } catch (IOException e) {
      throw new UncheckedIOException("ImageIO could not write a JPEG", e);
    } finally {
      writer.setOutput(null);
    }
  }

  /** An RGB image viewing the request's own array: no copy. */
  private static BufferedImage rgbImage(int[] pixels, int offset, int stride, int width,
      int height) {
    DataBufferInt data = new DataBufferInt(pixels, pixels.length - offset, offset);
    WritableRaster raster = Raster.createPackedRaster(data, width, height, stride, RGB_MASKS, null);
    return new BufferedImage(RGB_MODEL, raster, false, null);
  }

  /**
   * A gray image of the JPEG (JFIF) luminance, Y = 0.299 R + 0.587 G + 0.114 B, over a reused
   * array.
   */
  private BufferedImage grayImage(int[] pixels, int offset, int stride, int width, int height) {
    int count = width * height;
    if (gray.length < count) {
      gray = new byte[count];
    }
    for (int row = 0; row < height; row++) {
      int i = offset + row * stride;
      int p = row * width;
      for (int x = 0; x < width; x++) {
        int c = pixels[i + x];
        gray[p + x] = (byte) ((19595 * (c >>> 16 & 0xFF) + 38470 * (c >>> 8 & 0xFF)
            + 7471 * (c & 0xFF) + 32768) >>> 16);
      }
    }
    WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(gray, count),
        width, height, width, 1, new int[] {0}, null);
    return new BufferedImage(GRAY_MODEL, raster, false, null);
  }

  /**
   * The default metadata with the luminance sampling factors of {@code subsampling} (chrominance
   * stays 1x1): 1x1 for 4:4:4, 2x1 for 4:2:2, 2x2 for 4:2:0.
   */
  private IIOMetadata metadataFor(Subsampling subsampling, BufferedImage image) {
    return metadata.computeIfAbsent(subsampling, s -> {
      IIOMetadata m = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      if (s == Subsampling.GRAY) {
        return m;
      }
      Node tree = m.getAsTree(NATIVE_FORMAT);
      NodeList specs = ((Element) tree).getElementsByTagName("componentSpec");
      for (int i = 0; i < specs.getLength(); i++) {
        Element spec = (Element) specs.item(i);
        boolean luminance = i == 0;
        spec.setAttribute("HsamplingFactor", luminance && s != Subsampling.NONE ? "2" : "1");
        spec.setAttribute("VsamplingFactor",
            luminance && s != Subsampling.NONE && s != Subsampling.TWO_X ? "2" : "1");
      }
      try {
        m.setFromTree(NATIVE_FORMAT, tree);
      } catch (IIOInvalidTreeException e) {
        throw new IllegalStateException("ImageIO refused JPEG sampling factors", e);
      }
      return m;
    });
  }

  @Override
  public void close() {
    writer.dispose();
    metadata.clear();
    gray = new byte[0];
  }
}
