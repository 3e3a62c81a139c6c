package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.engine.internal.testsupport.NoInput;
import org.plugvnc.api.pixel.Rect;

/**
 * A viewer that did not list the Cursor pseudo-encoding, on a desktop that tells where its pointer
 * is: it sees the cursor drawn into its picture at the pointer, blended by the cursor's alpha, and
 * the picture behind it again once the pointer leaves. A viewer that lists Cursor draws it itself
 * and gets the desktop's pixels untouched.
 */
class CursorDrawnSessionTest {

  private static final int W = 40;
  private static final int H = 30;
  private static final int BACKGROUND = 0x204060;
  /** 2x2: opaque red, opaque green, transparent, half-transparent white; hot spot (1, 0). */
  private static final CursorShape CURSOR = new CursorShape(2, 2, 1, 0,
      new int[] {0xFFFF0000, 0xFF00FF00, 0x00000000, 0x80FFFFFF});

  private final SessionFixture fixture = new SessionFixture();
  private final PointerBackend backend = new PointerBackend();

  @AfterEach
  void closeEverything() {
    fixture.close();
  }

  @Test
  void aViewerWithoutCursorEncodingSeesItDrawnWhereThePointerIs() throws Exception {
    RawViewer viewer = connect(RawViewer.RAW);
    viewer.update(false);
    assertArrayEquals(background(), viewer.pixels, "no cursor while the pointer's place is unknown");

    backend.pointerAt(10, 5);
    viewer.update(true);
    int[] expected = background();
    // top-left at (10 - 1, 5 - 0)
    expected[5 * W + 9] = 0xFF0000;
    expected[5 * W + 10] = 0x00FF00;
    expected[6 * W + 10] = blendHalfWhite(BACKGROUND);
    assertArrayEquals(expected, viewer.pixels, "the cursor drawn at the pointer");

    backend.pointerAt(30, 20);
    viewer.update(true);
    expected = background();
    expected[20 * W + 29] = 0xFF0000;
    expected[20 * W + 30] = 0x00FF00;
    expected[21 * W + 30] = blendHalfWhite(BACKGROUND);
    assertArrayEquals(expected, viewer.pixels, "moved: drawn at its new place, gone from the old");
  }

  @Test
  void aViewerThatShowsCursorsGetsTheDesktopsPixels() throws Exception {
    RawViewer viewer = connect(RawViewer.RAW, RawViewer.CURSOR);
    viewer.update(false);
    backend.pointerAt(10, 5);
    viewer.update(false);
    assertArrayEquals(background(), viewer.pixels);
  }

  @Test
  void aViewerThatTakesPointerPositionsIsToldWhereTheDesktopMovedIt() throws Exception {
    RawViewer viewer = connect(RawViewer.RAW, RawViewer.CURSOR, RawViewer.POINTER_POS);
    viewer.update(false);
    assertEquals(null, viewer.pointerPos, "nothing before the desktop says where its pointer is");
    backend.pointerAt(12, 7);
    viewer.update(true);
    assertArrayEquals(new int[] {12, 7}, viewer.pointerPos);
    assertArrayEquals(background(), viewer.pixels, "a viewer that shows cursors: pixels untouched");
  }

  private RawViewer connect(int... encodings) throws Exception {
    ViewerChannel channel = fixture.connect(backend, Map.of(RawViewer.RAW,
        new RawViewer.RawFactory()));
    RawViewer viewer = new RawViewer(channel, W, H);
    channel.send(SessionFixture.setEncodings(encodings));
    channel.runPendingTasks();
    channel.received();
    return viewer;
  }

  private static int blendHalfWhite(int under) {
    int a = 0x80;
    int r = (0xFF * a + (under >> 16 & 0xFF) * (255 - a) + 127) / 255;
    int g = (0xFF * a + (under >> 8 & 0xFF) * (255 - a) + 127) / 255;
    int b = (0xFF * a + (under & 0xFF) * (255 - a) + 127) / 255;
    return r << 16 | g << 8 | b;
  }

  private static int[] background() {
    int[] p = new int[W * H];
    Arrays.fill(p, BACKGROUND);
    return p;
  }

  /** One colour, a cursor, and a pointer it reports as a real screen's backend would. */
  private static final class PointerBackend implements CaptureBackend, Framebuffer {
    private volatile DesktopListener listener;

    void pointerAt(int x, int y) {
      listener.pointerMoved(x, y);
    }

    @Override
    public void start(DesktopListener l) {
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
      return CURSOR;
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
    public void read(Rect area, int[] dst, int offset, int stride) {
      for (int y = 0; y < area.height(); y++) {
        Arrays.fill(dst, offset + y * stride, offset + y * stride + area.width(), BACKGROUND);
      }
    }
  }
}
