package org.plugvnc.engine.internal.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/** One backend shown by several desktops: started once, heard by each, from its first report. */
class SharedBackendTest {

  @Test
  void startedOnceHeardByEveryViewFromItsFirstReport() {
    ReportingBackend backend = new ReportingBackend();
    SharedBackend shared = new SharedBackend(backend);
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    CaptureBackend viewA = shared.view();
    CaptureBackend viewB = shared.view();
    viewA.start(a);
    viewB.start(b);
    assertEquals(1, backend.starts, "started once for two desktops");
    assertEquals(List.of("pointer 7,9"), a.heard, "what the backend said while starting is heard");
    backend.listener.damaged(Region.of(new Rect(0, 0, 1, 1)));
    assertEquals(List.of("pointer 7,9", "damage"), a.heard);
    assertEquals(List.of("pointer 7,9", "damage"), b.heard,
        "the later view heard where the pointer is, though it has not moved since");
    backend.listener.pointerMoved(3, 4);
    viewA.stop();
    Recorder c = new Recorder();
    CaptureBackend viewC = shared.view();
    viewC.start(c);
    assertEquals(List.of("pointer 3,4"), c.heard, "a view joining later hears the latest report");
    viewC.stop();
    assertEquals(0, backend.stops, "still shown by the other desktop");
    viewB.stop();
    assertEquals(1, backend.stops);
  }

  @Test
  void aFailedStartLeavesNoListenerBehind() {
    ReportingBackend backend = new ReportingBackend();
    backend.fail = true;
    SharedBackend shared = new SharedBackend(backend);
    Recorder a = new Recorder();
    CaptureBackend view = shared.view();
    assertThrows(IllegalStateException.class, () -> view.start(a));
    backend.fail = false;
    Recorder b = new Recorder();
    shared.view().start(b);
    assertEquals(2, backend.starts, "the next desktop starts it again");
    backend.listener.bell();
    assertEquals(List.of("pointer 7,9"), a.heard, "the failed view hears nothing more");
  }

  /** Reports its pointer from inside start(), as the X11 backend's capture thread may. */
  private static final class ReportingBackend implements CaptureBackend {
    DesktopListener listener;
    int starts;
    int stops;
    boolean fail;

    @Override
    public void start(DesktopListener l) {
      starts++;
      listener = l;
      l.pointerMoved(7, 9);
      if (fail) {
        throw new IllegalStateException("no display");
      }
    }

    @Override
    public void stop() {
      stops++;
    }

    @Override
    public Framebuffer framebuffer() {
      return null;
    }

    @Override
    public InputSink input() {
      return null;
    }

    @Override
    public CursorShape cursor() {
      return null;
    }
  }

  private static final class Recorder implements DesktopListener {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void damaged(Region region) {
      heard.add("damage");
    }

    @Override
    public void copied(Rect target, Point source) {
      heard.add("copy");
    }

    @Override
    public void resized(int width, int height) {
      heard.add("resize");
    }

    @Override
    public void cursorChanged(CursorShape shape) {
      heard.add("cursor");
    }

    @Override
    public void bell() {
      heard.add("bell");
    }

    @Override
    public void pointerMoved(int x, int y) {
      heard.add("pointer " + x + "," + y);
    }
  }
}
