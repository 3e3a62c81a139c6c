package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.engine.internal.testsupport.NoInput;
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
  private static final int RAW = RawViewer.RAW;
  private static final int COPY_RECT = RawViewer.COPY_RECT;

  private final SessionFixture fixture = new SessionFixture();
  private final ScrollingBackend backend = new ScrollingBackend();
  private RawViewer viewer;

  @AfterEach
  void closeEverything() {
    fixture.close();
  }

  @Test
  void aScrollInPixelsAlreadyReadIsNotCopiedAgain() throws Exception {
    ViewerChannel channel = fixture.connect(backend,
        Map.of(RAW, new RawViewer.RawFactory(), COPY_RECT, new RawViewer.CopyFactory()));
    viewer = new RawViewer(channel, W, H);
    channel.send(SessionFixture.setEncodings(COPY_RECT, RAW));
    viewer.update(false);
    assertArrayEquals(backend.pixels, viewer.pixels, "the first picture");

    // The band is repainted; as the engine reads it, the backend scrolls it first.
    Rect band = new Rect(8, 8, 48, 32);
    backend.repaint(band);
    backend.scrollBeforeNextRead(band, 4);
    int copies = viewer.update(true);
    assertEquals(0, copies, "a copy already in the pixels read is not sent as one");
    assertTrue(backend.scrolled, "the backend scrolled during the read");
    for (int i = 0; i < 3; i++) {
      viewer.update(true);
    }
    assertArrayEquals(backend.pixels, viewer.pixels, "the viewer's picture after the scroll");

    // A scroll the engine has taken in before it reads still goes as CopyRect.
    backend.scrollNow(band, 4);
    int later = viewer.update(true);
    assertTrue(later > 0, "a later scroll goes as CopyRect");
    assertArrayEquals(backend.pixels, viewer.pixels, "the viewer's picture after a later scroll");
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
      return new NoInput();
    }

    @Override
    public CursorShape cursor() {
      return null;
    }
  }
}
