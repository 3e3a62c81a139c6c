package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TigerVNC's viewer (Debian tigervnc-viewer 1.12) against the built server: it must authenticate
 * and show the virtual desktop's test pattern pixel for pixel.
 */
class TigerVncViewerIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  /** Raw, ZRLE, Hextile... are lossless and the viewer is at full colour: allow only rounding. */
  private static final int TOLERANCE = 4;
  private static final double MIN_MATCHING = 0.99;
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path home;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("Xvfb", "vncviewer", "xwd");
  }

  @AfterEach
  void stopEverything() throws Exception {
    while (!started.isEmpty()) {
      started.pop().close();
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  @Test
  void showsTheTestPatternAfterVncAuthentication() {
    PlugvncServer server =
        track(PlugvncServer.in(home).securityTypes("VncAuth").testPattern(WIDTH, HEIGHT)
            .start("tigervnc-vncauth-server.log"));
    Path password = server.awaitPasswordFile(Duration.ofSeconds(10));

    assertViewerShowsTestPattern(server, "VncAuth", password, "tigervnc-vncauth");
  }

  @Test
  void showsTheTestPatternWithoutAuthentication() {
    PlugvncServer server =
        track(PlugvncServer.in(home).securityTypes("None").testPattern(WIDTH, HEIGHT)
            .start("tigervnc-none-server.log"));

    assertViewerShowsTestPattern(server, "None", null, "tigervnc-none");
  }

  private void assertViewerShowsTestPattern(
      PlugvncServer server, String securityTypes, Path password, String name) {
    Xvfb xvfb = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT, Interop.artefacts().resolve(name + "-xvfb.log")));
    ChildProcess viewer =
        track(TigerVncViewer.start(xvfb, server.port(), securityTypes, password,
            Interop.artefacts().resolve(name + "-viewer.log")));
    BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);

    ImageComparison.Result result;
    try {
      result = ScreenWatch.awaitPicture(xvfb, expected, TOLERANCE, MIN_MATCHING, PICTURE_TIMEOUT,
          viewer, Interop.artefacts().resolve(name + "-screen.png"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- server output:\n" + server.output(), e);
    }

    assertTrue(result.matchingFraction() >= MIN_MATCHING, result.toString());
    assertTrue(viewer.isAlive(), "the viewer exited:\n" + viewer.output());
  }
}
