package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * A viewer's picture, decoded here from the spec: FramebufferUpdates of Raw and CopyRect rectangles
 * (and Cursor pseudo-rectangles, skipped) in 32-bit little-endian RGB888, which it asks for. With
 * the Raw and CopyRect encoder factories a test gives the engine.
 */
final class RawViewer {

  static final int RAW = 0;
  static final int COPY_RECT = 1;
  static final int CURSOR = -239;
  static final int POINTER_POS = -232;

  private final ViewerChannel channel;
  private final int width;
  final int[] pixels;
  /** The last PointerPos received, as {x, y}, or null. */
  int[] pointerPos;

  RawViewer(ViewerChannel channel, int width, int height) {
    this.channel = channel;
    this.width = width;
    this.pixels = new int[width * height];
    channel.send(pixelFormatRgb888LittleEndian());
  }

  /** Asks for an update, applies every update received; returns how many CopyRects they held. */
  int update(boolean incremental) {
    channel.send(SessionFixture.updateRequest(incremental, new Rect(0, 0, width,
        pixels.length / width)));
    channel.runPendingTasks();
    ByteBuffer in = channel.received().order(ByteOrder.BIG_ENDIAN);
    int copies = 0;
    while (in.hasRemaining()) {
      assertEquals(0, in.get(), "a FramebufferUpdate");
      in.get();
      int rects = Short.toUnsignedInt(in.getShort());
      for (int i = 0; i < rects; i++) {
        Rect r = new Rect(Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()),
            Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()));
        int encoding = in.getInt();
        if (encoding == COPY_RECT) {
          copy(r, Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()));
          copies++;
        } else if (encoding == POINTER_POS) {
          pointerPos = new int[] {r.x(), r.y()}; // no payload
        } else if (encoding == CURSOR) {
          // pixels, then a bit mask with rows padded to whole bytes
          in.position(in.position() + r.width() * r.height() * 4
              + (r.width() + 7) / 8 * r.height());
        } else {
          assertEquals(RAW, encoding);
          raw(r, in);
        }
      }
    }
    return copies;
  }

  private void raw(Rect r, ByteBuffer in) {
    in.order(ByteOrder.LITTLE_ENDIAN);
    for (int y = r.y(); y < r.bottom(); y++) {
      for (int x = r.x(); x < r.right(); x++) {
        pixels[y * width + x] = in.getInt() & 0xFFFFFF;
      }
    }
    in.order(ByteOrder.BIG_ENDIAN);
  }

  private void copy(Rect r, int srcX, int srcY) {
    int[] moved = new int[r.width() * r.height()];
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(pixels, (srcY + y) * width + srcX, moved, y * r.width(), r.width());
    }
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(moved, y * r.width(), pixels, (r.y() + y) * width + r.x(), r.width());
    }
  }

  /** SetPixelFormat: 32 bits per pixel, depth 24, little-endian, true colour, 8 bits a channel. */
  private static byte[] pixelFormatRgb888LittleEndian() {
    return ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]).put((byte) 32).put((byte) 24)
        .put((byte) 0).put((byte) 1).putShort((short) 255).putShort((short) 255)
        .putShort((short) 255).put((byte) 16).put((byte) 8).put((byte) 0).put(new byte[3])
        .array();
  }

  /** Raw: each pixel in the viewer's format. */
  static final class RawFactory implements EncoderFactory {
    @Override
    public int encoding() {
      return RAW;
    }

    @Override
    public Encoder create(EncoderContext context) {
      return (EncodeRequest request, RfbOutput out) -> {
        for (int y = request.rect().y(); y < request.rect().bottom(); y++) {
          request.writer().writePixels(request.pixels(), request.rowStart(y),
              request.rect().width(), out);
        }
      };
    }
  }

  /** CopyRect: the source position. */
  static final class CopyFactory implements EncoderFactory {
    @Override
    public int encoding() {
      return COPY_RECT;
    }

    @Override
    public boolean encodesCopies() {
      return true;
    }

    @Override
    public Encoder create(EncoderContext context) {
      return (EncodeRequest request, RfbOutput out) -> {
        out.writeU16(request.copySource().x());
        out.writeU16(request.copySource().y());
      };
    }
  }
}
