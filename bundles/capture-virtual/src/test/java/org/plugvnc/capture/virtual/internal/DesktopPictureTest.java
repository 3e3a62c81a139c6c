package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.capture.virtual.internal.TestSupport.RecordingListener;
import org.plugvnc.capture.virtual.internal.TestSupport.SettableClock;

/**
 * Renders the interactive desktop after some use to {@code target/virtual-desktop*.png}, so a
 * person can look at it without a viewer, and checks that the picture has content.
 */
class DesktopPictureTest {

  @ParameterizedTest
  @CsvSource({"1280,800,true,virtual-desktop.png", "1280,800,false,virtual-desktop-fresh.png",
      "640,480,true,virtual-desktop-640x480.png", "1920,1080,true,virtual-desktop-1920x1080.png",
      "200,120,true,virtual-desktop-tiny.png"})
  void rendersTheDesktop(int w, int h, boolean used, String file) throws Exception {
    VirtualBackend desktop = new VirtualBackend(TestSupport.config(w, h, "interactive", "plugvnc"),
        new SettableClock(Instant.parse("2024-05-01T13:37:42Z")));
    desktop.start(new RecordingListener());
    if (used) {
      desktop.clipboardFromViewer("Hello from the viewer's clipboard.\nSecond line\tafter a tab,"
          + " and a long tail that must be cut off somewhere because it is far too long to show");
    }
    try {
      if (used) {
        use(desktop);
      }
      desktop.awaitIdle();
      desktop.awaitIdle();
      BufferedImage picture = picture(desktop, w, h);
      Path out = Path.of("target", file);
      Files.createDirectories(out.getParent());
      ImageIO.write(picture, "png", out.toFile());

      assertTrue(Files.size(out) > 0);
      assertTrue(colours(picture) > 20, "a desktop, not a blank screen");
    } finally {
      desktop.stop();
    }
  }

  @ParameterizedTest
  @CsvSource({"12"})
  void rendersTheCursorsLarge(int zoom) throws IOException {
    CursorShape[] shapes = {DesktopCursors.ARROW, DesktopCursors.CROSSHAIR};
    BufferedImage sheet = new BufferedImage(40 * zoom, 20 * zoom, BufferedImage.TYPE_INT_RGB);
    int left = 0;
    for (CursorShape s : shapes) {
      for (int y = 0; y < s.height(); y++) {
        for (int x = 0; x < s.width(); x++) {
          int argb = s.argb()[y * s.width() + x];
          int rgb = (argb >>> 24) == 0 ? ((x + y) % 2 == 0 ? 0xFF8080 : 0xC06060) : argb & 0xFFFFFF;
          for (int dy = 0; dy < zoom; dy++) {
            for (int dx = 0; dx < zoom; dx++) {
              sheet.setRGB(left + x * zoom + dx, y * zoom + dy, rgb);
            }
          }
        }
      }
      left += (s.width() + 4) * zoom;
    }
    Path out = Path.of("target", "virtual-desktop-cursors.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(sheet, "png", out.toFile());
    assertEquals(3, colours(sheet.getSubimage(0, 0, 12 * zoom, 18 * zoom)) - 1,
        "black, white and the two checks of transparency");
  }

  private static void use(VirtualBackend desktop) {
    for (char c : "Hello, VNC! caf\u00e9".toCharArray()) {
      desktop.input().key(new KeyEvent(true, c, 0));
      desktop.input().key(new KeyEvent(false, c, 0));
    }
    Rect canvas = desktop.interactiveScene().layout().canvas;
    int cx = canvas.x() + canvas.width() / 2;
    int cy = canvas.y() + canvas.height() / 2;
    int r = Math.min(canvas.width(), canvas.height()) / 3;
    for (int i = 0; i <= 64; i++) {
      double a = 2 * Math.PI * i / 64;
      int x = cx + (int) Math.round(r * Math.cos(a) * (1 + 0.3 * Math.sin(5 * a)));
      int y = cy + (int) Math.round(r * Math.sin(a) * (1 + 0.3 * Math.sin(5 * a)));
      desktop.input().pointer(new PointerEvent(1, x, y));
    }
    desktop.input().pointer(new PointerEvent(0, cx, cy));
  }

  private static BufferedImage picture(VirtualBackend desktop, int w, int h) {
    int[] pixels = TestSupport.readAll(desktop);
    BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(0, 0, w, h, pixels, 0, w);
    return picture;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
