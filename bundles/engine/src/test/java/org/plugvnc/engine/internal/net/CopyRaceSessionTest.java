package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * A backend scrolls, under its framebuffer lock as the API asks, just before the engine reads the
 * pixels of an update: the pixels read already hold the scroll, whose copy the session has not
 * taken in yet. The viewer, decoding Raw and CopyRect here from the spec, must still end with the
 * desktop's picture: that copy may no longer go as CopyRect.
 */
class CopyRaceSessionTest {

  private static final int W = 64;
  private static final int H = 48;
  private static final int RAW = 0;
  private static final int COPY_RECT = 1;
  private static final Rect ALL = new Rect(0, 0, W, H);

  private final SessionFixture fixture = new SessionFixture();
  private final ScrollingBackend backend = new ScrollingBackend();
  private final int[] viewerPixels = new int[W * H];
  private ViewerChannel viewer;

  @AfterEach
  void closeEverything() {
    fixture.close();
  }

  @Test
  void aScrollInPixelsAlreadyReadIsNotCopiedAgain() throws Exception {
    viewer = fixture.connect(backend, Map.of(RAW, new RawFactory(), COPY_RECT, new CopyFactory()));
    viewer.send(pixelFormatRgb888LittleEndian());
    viewer.send(SessionFixture.setEncodings(COPY_RECT, RAW));
    update(false);
    assertArrayEquals(backend.pixels, viewerPixels, "the first picture");

    // The band is repainted; as the engine reads it, the backend scrolls it first.
    Rect band = new Rect(8, 8, 48, 32);
    backend.repaint(band);
    backend.scrollBeforeNextRead(band, 4);
    int copies = update(true);
    assertEquals(0, copies, "a copy already in the pixels read is not sent as one");
    assertTrue(backend.scrolled, "the backend scrolled during the read");
    for (int i = 0; i < 3; i++) {
      update(true);
    }
    assertArrayEquals(backend.pixels, viewerPixels, "the viewer's picture after the scroll");

    // A scroll the engine has taken in before it reads still goes as CopyRect.
    backend.scrollNow(band, 4);
    int later = update(true);
    assertTrue(later > 0, "a later scroll goes as CopyRect");
    assertArrayEquals(backend.pixels, viewerPixels, "the viewer's picture after a later scroll");
  }

  /** Asks for an update, applies every update received; returns how many CopyRects they held. */
  private int update(boolean incremental) {
    viewer.send(SessionFixture.updateRequest(incremental, ALL));
    viewer.runPendingTasks();
    ByteBuffer in = viewer.received().order(ByteOrder.BIG_ENDIAN);
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
        viewerPixels[y * W + x] = in.getInt() & 0xFFFFFF;
      }
    }
    in.order(ByteOrder.BIG_ENDIAN);
  }

  private void copy(Rect r, int srcX, int srcY) {
    int[] moved = new int[r.width() * r.height()];
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(viewerPixels, (srcY + y) * W + srcX, moved, y * r.width(), r.width());
    }
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(moved, y * r.width(), viewerPixels, (r.y() + y) * W + r.x(), r.width());
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
  private static final class RawFactory implements EncoderFactory {
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
  private static final class CopyFactory implements EncoderFactory {
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

  /**
   * Distinct pixels that scroll up inside a band, moved and reported under the framebuffer's lock;
   * a scroll may be armed to happen inside the next read, as if the backend's thread had taken the
   * lock just before the engine's.
   */
  private static final class ScrollingBackend implements CaptureBackend, Framebuffer {
    final int[] pixels = new int[W * H];
    private DesktopListener listener;
    private Rect armedBand;
    private int armedRows;
    private int paints;
    boolean scrolled;

    ScrollingBackend() {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = 0x400000 | i;
      }
    }

    synchronized void repaint(Rect area) {
      paints++;
      for (int y = area.y(); y < area.bottom(); y++) {
        for (int x = area.x(); x < area.right(); x++) {
          pixels[y * W + x] = paints << 16 | y << 8 | x;
        }
      }
      listener.damaged(Region.of(area));
    }

    synchronized void scrollBeforeNextRead(Rect band, int rows) {
      armedBand = band;
      armedRows = rows;
    }

    synchronized void scrollNow(Rect band, int rows) {
      Rect target = new Rect(band.x(), band.y(), band.width(), band.height() - rows);
      Point source = new Point(band.x(), band.y() + rows);
      for (int y = target.y(); y < target.bottom(); y++) {
        System.arraycopy(pixels, (y + rows) * W + band.x(), pixels, y * W + band.x(),
            band.width());
      }
      listener.copied(target, source);
      repaint(new Rect(band.x(), band.bottom() - rows, band.width(), rows));
    }

    @Override
    public synchronized void read(Rect area, int[] dst, int offset, int stride) {
      if (armedBand != null) {
        Rect band = armedBand;
        armedBand = null;
        scrollNow(band, armedRows);
        scrolled = true;
      }
      for (int y = area.y(); y < area.bottom(); y++) {
        System.arraycopy(pixels, y * W + area.x(), dst, offset + (y - area.y()) * stride,
            area.width());
      }
    }

    @Override
    public int width() {
      return W;
    }

    @Override
    public int height() {
      return H;
    }

    @Override
    public synchronized void start(DesktopListener l) {
      listener = l;
    }

    @Override
    public void stop() {}

    @Override
    public Framebuffer framebuffer() {
      return this;
    }

    @Override
    public InputSink input() {
      return new InputSink() {
        @Override
        public void key(KeyEvent event) {}

        @Override
        public void pointer(PointerEvent event) {}
      };
    }

    @Override
    public CursorShape cursor() {
      return null;
    }
  }
}
