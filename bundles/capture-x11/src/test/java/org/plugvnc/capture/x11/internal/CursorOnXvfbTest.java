package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

class CursorOnXvfbTest {

  @Test
  void cursorChangesAreReported() throws Exception {
    Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "320x240x24",
        "-noreset", "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine().strip();
      BlockingQueue<CursorShape> cursors = new LinkedBlockingQueue<>();
      X11Backend b = new X11Backend(new X11Settings(display, "x11", true, true, 10, false, 100, 500));
      b.start(new DesktopListener() {
        @Override public void damaged(Region region) {}
        @Override public void copied(Rect target, Point source) {}
        @Override public void resized(int width, int height) {}
        @Override public void cursorChanged(CursorShape shape) { cursors.add(shape); }
        @Override public void bell() {}
      });
      try {
        assertNotNull(cursors.poll(5, TimeUnit.SECONDS), "the first cursor");
        ProcessBuilder pb = new ProcessBuilder("xsetroot", "-cursor_name", "watch");
        pb.environment().put("DISPLAY", display);
        assertEquals(0, pb.start().waitFor());
        assertNotNull(cursors.poll(5, TimeUnit.SECONDS), "the watch cursor");
      } finally {
        b.stop();
      }
    } finally {
      xvfb.destroyForcibly();
    }
  }
}
