package org.plugvnc.client.decode;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * The JPEG (Tight and TightPNG) and PNG (TightPNG) rectangles: a compact length, then that many
 * bytes of image, decoded with {@code javax.imageio}. rfbproto: "JpegCompression may only be used
 * when bits-per-pixel is either 16 or 32 and the client has advertized a quality level"; PNG
 * needs a true-colour format, since an RGB image has no colour-map indices.
 *
 * <p>Checked: the length against {@link org.plugvnc.client.Limits#maxImageLength()} before
 * reading; the image's size against the rectangle's before decoding its pixels. Decoded colours
 * go through the pixel format (each channel to its nearest level, then back), so that the
 * framebuffer holds what a viewer in that format shows. Gray images give R = G = B = the sample,
 * as a JPEG library decoding to RGB does.
 */
final class TightImages {

  private TightImages() {
  }

  /** Reads and draws a JPEG rectangle; {@code encoding} names the encoding in messages. */
  static void jpeg(RfbInput in, Rectangle rect, Framebuffer fb, String encoding)
      throws IOException {
    PixelFormat f = fb.pixelFormat();
    if (f.bitsPerPixel() != 16 && f.bitsPerPixel() != 32 || !f.trueColour()) {
      throw new RfbProtocolException(encoding + " JPEG in " + rect + " at " + f.bitsPerPixel()
          + " bpp" + (f.trueColour() ? "" : " colour map") + "; JPEG needs 16 or 32 bpp true colour");
    }
    if (!fb.listedEncodings().allowsJpeg()) {
      throw new RfbProtocolException(encoding + " JPEG in " + rect + ", but the client listed no"
          + " JPEG quality level");
    }
    draw(in, rect, fb, "jpeg", encoding);
  }

  /** Reads and draws a PNG rectangle (TightPNG). */
  static void png(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    if (!fb.pixelFormat().trueColour()) {
      throw new RfbProtocolException("TightPNG PNG in " + rect + " in a colour-map pixel format");
    }
    draw(in, rect, fb, "png", "TightPNG");
  }

  private static void draw(RfbInput in, Rectangle rect, Framebuffer fb, String format,
      String encoding) throws IOException {
    PixelDecoder pixels = fb.pixelDecoder();
    int length = CompactLength.read(in);
    int max = fb.limits().maxImageLength();
    if (length > max) {
      throw new RfbProtocolException(encoding + " " + format.toUpperCase() + " of " + length
          + " bytes exceeds the limit of " + max);
    }
    byte[] data = in.readBytes(length);
    BufferedImage image = decodeImage(data, format, rect, encoding);
    Channels channels = new Channels(pixels);
    int[] row = new int[rect.width()];
    int[] samples = new int[4 * rect.width()];
    int[] dst = fb.buffer();
    for (int y = 0; y < rect.height(); y++) {
      readRow(image, y, row, samples);
      int d = (rect.y() + y) * fb.width() + rect.x();
      for (int x = 0; x < row.length; x++) {
        dst[d + x] = channels.seen(row[x]);
      }
    }
  }

  private static BufferedImage decodeImage(byte[] data, String format, Rectangle rect,
      String encoding) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new IOException("this JVM has no " + format + " image reader");
    }
    ImageReader reader = readers.next();
    String what = encoding + " " + format.toUpperCase() + " in " + rect;
    try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(stream, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      if (w != rect.width() || h != rect.height()) {
        throw new RfbProtocolException(what + " is a " + w + "x" + h + " image");
      }
      return reader.read(0);
    } catch (RfbProtocolException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // image readers report broken data with IIOException or with runtime exceptions
      throw new RfbProtocolException(what + " cannot be decoded: " + e);
    } finally {
      reader.dispose();
    }
  }

  /** Fills {@code row} with row {@code y} as 0x00RRGGBB, reading samples where that is exact. */
  private static void readRow(BufferedImage image, int y, int[] row, int[] samples) {
    int w = row.length;
    Raster raster = image.getRaster();
    int bits = raster.getSampleModel().getSampleSize(0);
    if (image.getColorModel() instanceof ComponentColorModel && bits <= 16) {
      int type = image.getColorModel().getColorSpace().getType();
      int bands = raster.getNumBands();
      if (type == ColorSpace.TYPE_GRAY || type == ColorSpace.TYPE_RGB && bands >= 3) {
        raster.getPixels(0, y, w, 1, samples);
        int max = (1 << bits) - 1;
        for (int x = 0; x < w; x++) {
          int s = x * bands;
          if (type == ColorSpace.TYPE_GRAY) {
            row[x] = 0x010101 * to8(samples[s], max);
          } else {
            row[x] = to8(samples[s], max) << 16 | to8(samples[s + 1], max) << 8
                | to8(samples[s + 2], max);
          }
        }
        return;
      }
    }
    // indexed and other models: let the colour model convert
    image.getRGB(0, y, w, 1, row, 0, w);
  }

  private static int to8(int sample, int max) {
    return max == 255 ? sample : (sample * 255 + max / 2) / max;
  }

  /** What a viewer in the pixel format shows of an 8-bit-per-channel colour. */
  private static final class Channels {
    private final int[] red = new int[256];
    private final int[] green = new int[256];
    private final int[] blue = new int[256];

    Channels(PixelDecoder pixels) {
      PixelFormat f = pixels.format();
      for (int c = 0; c < 256; c++) {
        red[c] = pixels.rgb(level(c, f.redMax()) << f.redShift()) & 0xFF0000;
        green[c] = pixels.rgb(level(c, f.greenMax()) << f.greenShift()) & 0x00FF00;
        blue[c] = pixels.rgb(level(c, f.blueMax()) << f.blueShift()) & 0x0000FF;
      }
    }

    private static int level(int c, int max) {
      return (c * max + 127) / 255;
    }

    int seen(int rgb) {
      return red[(rgb >>> 16) & 0xFF] | green[(rgb >>> 8) & 0xFF] | blue[rgb & 0xFF];
    }
  }
}
