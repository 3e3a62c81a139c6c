package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes RRE (RFC 6143 section 7.7.3) or CoRRE (rfbproto, "CoRRE Encoding") payloads: a U32
 * number-of-subrectangles, the background pixel value, then per subrectangle its pixel value and
 * x-position, y-position, width, height. "The only difference between CoRRE and RRE is that the
 * position, width and height of the subrectangles are limited to a maximum of 255 pixels": CoRRE
 * writes them as U8, RRE as U16.
 *
 * <p>The rectangle's colours are converted to pixel values once, into a grid reused across calls,
 * so that colours the viewer cannot tell apart share subrectangles. The background is the most
 * common value ({@link ValueCounter}); {@link RectangleCover} finds the subrectangles. When the
 * selector found the rectangle solid, its one colour is the background and no pixel is read.
 */
final class RreEncoder implements Encoder, RectangleCover.Sink {

  private final int fieldBytes;
  private final int maxSide;
  private final OutputChunk chunk = new OutputChunk();
  private final ValueCounter counter = new ValueCounter();
  private int[] grid = new int[0];

  // The rectangle being encoded, for the sink.
  private PixelLayout layout;
  private RfbOutput out;
  private int subrects;

  private RreEncoder(int fieldBytes, int maxSide) {
    this.fieldBytes = fieldBytes;
    this.maxSide = maxSide;
  }

  /** An RRE encoder: U16 subrectangle fields. */
  static RreEncoder rre() {
    return new RreEncoder(2, 65535);
  }

  /** A CoRRE encoder: U8 subrectangle fields, rectangles of at most 255 x 255. */
  static RreEncoder corre() {
    return new RreEncoder(1, CorreEncoderFactory.MAX_SIDE);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a CoRRE rectangle wider or taller than 255 (an engine
   *     bug: the factory's limits say so)
   */
  @Override
  public void encode(EncodeRequest request, RfbOutput output) {
    Rect rect = request.rect();
    if (rect.width() > maxSide || rect.height() > maxSide) {
      throw new IllegalArgumentException(rect + " exceeds " + maxSide + " x " + maxSide);
    }
    PixelWriter writer = request.writer();
    layout = PixelLayout.of(writer.format());
    out = output;
    subrects = 0;
    int countAt = output.position();
    output.writeU32(0);
    RectContent content = request.content();
    if (rect.isEmpty()) {
      writeBackground(writer.pixelValue(0));
    } else if (content != null && content.kind() == ContentClass.SOLID) {
      writeBackground(writer.pixelValue(content.palette()[0]));
    } else {
      int background = loadGrid(request);
      writeBackground(background);
      RectangleCover.cover(grid, rect.width(), rect.height(), background, this);
    }
    chunk.flush(output);
    output.setU32(countAt, subrects);
    out = null;
  }

  private void writeBackground(int value) {
    int at = chunk.reserve(out, layout.bytes);
    layout.put(chunk.bytes, at, value);
    chunk.length += layout.bytes;
  }

  /**
   * Converts the rectangle into {@link #grid} and returns its most common pixel value, counted by
   * runs so that flat content costs one count per run.
   */
  private int loadGrid(EncodeRequest request) {
    Rect rect = request.rect();
    int width = rect.width();
    if (grid.length < width * rect.height()) {
      grid = new int[width * rect.height()];
    }
    counter.clear();
    PixelWriter writer = request.writer();
    int[] pixels = request.pixels();
    int lastColour = pixels[request.rowStart(rect.y())];
    int lastValue = writer.pixelValue(lastColour);
    int i = 0;
    for (int y = rect.y(); y < rect.bottom(); y++) {
      int from = request.rowStart(y);
      int runStart = i;
      for (int x = 0; x < width; x++) {
        int colour = pixels[from + x];
        if (colour != lastColour) {
          lastColour = colour;
          int value = writer.pixelValue(colour);
          if (value != lastValue) {
            counter.add(lastValue, i - runStart);
            runStart = i;
            lastValue = value;
          }
        }
        grid[i++] = lastValue;
      }
      if (i > runStart) {
        counter.add(lastValue, i - runStart);
      }
    }
    return counter.mostCommon();
  }

  @Override
  public boolean subrect(int value, int x, int y, int width, int height) {
    int at = chunk.reserve(out, layout.bytes + 4 * fieldBytes);
    byte[] b = chunk.bytes;
    layout.put(b, at, value);
    at += layout.bytes;
    if (fieldBytes == 1) {
      b[at] = (byte) x;
      b[at + 1] = (byte) y;
      b[at + 2] = (byte) width;
      b[at + 3] = (byte) height;
    } else {
      putU16(b, at, x);
      putU16(b, at + 2, y);
      putU16(b, at + 4, width);
      putU16(b, at + 6, height);
    }
    chunk.length = at + 4 * fieldBytes;
    subrects++;
    return true;
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  @Override
  public void close() {
    grid = new int[0];
  }
}
