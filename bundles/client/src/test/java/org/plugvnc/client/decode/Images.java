package org.plugvnc.client.decode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** JPEG and PNG payloads for the Tight and TightPNG tests, made with ImageIO. */
final class Images {

  private Images() {
  }

  /** @return a w x h image of one colour, of {@code type} (a BufferedImage TYPE_) */
  static BufferedImage solid(int w, int h, int rgb, int type) {
    BufferedImage image = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  /**
   * @return a w x h gray image whose samples are all {@code value} (set on the raster: setRGB
   *         would convert through Java's linear gray colour space)
   */
  static BufferedImage gray(int w, int h, int value) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, value);
      }
    }
    return image;
  }

  /** @return {@code image} as a baseline JPEG of quality 1.0 */
  static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(1.0f);
      writer.write(null, new IIOImage(image, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** @return {@code image} as a PNG */
  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
