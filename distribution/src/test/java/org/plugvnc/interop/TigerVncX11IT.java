package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TigerVNC's viewer on the X11 backend: the built server shares one Xvfb, on which a real X client
 * ({@code xsetroot}) draws a grid, and TigerVNC's viewer, on a second Xvfb, must show exactly what
 * the first one's own screenshot shows; then the X client draws again and the viewer follows.
 */
class TigerVncX11IT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path home;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("Xvfb", "vncviewer", "xwd", "xsetroot");
  }

  @AfterEach
  void stopEverything() throws Exception {
    while (!started.isEmpty()) {
      started.pop().close();
    }
  }

  @Test
  void theViewerShowsWhatAnXClientDrewOnTheSharedDisplay() throws Exception {
    Xvfb shared = track(Xvfb.start(WIDTH, HEIGHT, Interop.artefacts().resolve("x11-shared-xvfb.log")));
    draw(shared, "-mod", "7", "5", "-fg", "#ff8000", "-bg", "#102040");
    PlugvncServer server = track(PlugvncServer.in(home).securityTypes("None")
        .config("org.plugvnc.server", "backend", "x11")
        .config("org.plugvnc.capture.x11", "display", shared.display())
        .start("x11-tigervnc-server.log"));
    Xvfb screen = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT,
        Interop.artefacts().resolve("x11-viewer-xvfb.log")));
    ChildProcess viewer = track(TigerVncViewer.start(screen, server.port(), "None", null,
        Interop.artefacts().resolve("x11-tigervnc-viewer.log")));

    assertShows(screen, viewer, shared.screenshot(), server, "x11-tigervnc-grid.png");
    draw(shared, "-mod", "3", "11", "-fg", "#00c0a0", "-bg", "#400010");
    assertShows(screen, viewer, shared.screenshot(), server, "x11-tigervnc-grid2.png");
    assertTrue(viewer.isAlive(), "the viewer exited:\n" + viewer.output());
  }

  private static void assertShows(Xvfb screen, ChildProcess viewer, BufferedImage expected,
      PlugvncServer server, String failureImage) {
    ImageComparison.Result result;
    try {
      result = ScreenWatch.awaitPicture(screen, expected, 0, 1.0, PICTURE_TIMEOUT, viewer,
          Interop.artefacts().resolve(failureImage));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- server output:\n" + server.output(), e);
    }
    assertTrue(result.exact(), result.toString());
  }

  private static void draw(Xvfb display, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("xsetroot"));
    command.addAll(List.of(args));
    try (ChildProcess p = ChildProcess.start("xsetroot", command,
        Map.of("DISPLAY", display.display()), Interop.artefacts().resolve("x11-xsetroot.log"))) {
      assertEquals(0, p.awaitExit(Duration.ofSeconds(20)), p.output());
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }
}
