package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A reverse connection to TigerVNC's viewer in listening mode ({@code vncviewer -listen PORT},
 * Debian tigervnc-viewer 1.12): the built server, configured with the viewer in
 * {@code org.plugvnc.transport.reverse}'s {@code viewers}, connects out to it; the viewer
 * authenticates with VNC Authentication and shows the virtual desktop's test pattern exactly.
 */
class TigerVncReverseIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
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
  void aListeningViewerIsConnectedToAndShowsTheExactTestPattern() {
    int listenPort = Interop.freePort();
    Xvfb xvfb = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT,
        Interop.artefacts().resolve("tigervnc-reverse-xvfb.log")));
    // The server starts first and the viewer listens later: the server's retries reach it.
    PlugvncServer server = track(PlugvncServer.in(home).securityTypes("VncAuth")
        .testPattern(WIDTH, HEIGHT)
        .config("org.plugvnc.transport.reverse", "viewers", "127.0.0.1:" + listenPort)
        .config("org.plugvnc.transport.reverse", "retryMaxSeconds", "2")
        .start("tigervnc-reverse-server.log"));
    Path password = server.awaitPasswordFile(Duration.ofSeconds(10));
    ChildProcess viewer = track(TigerVncViewer.listen(xvfb, listenPort, "VncAuth", password,
        Interop.artefacts().resolve("tigervnc-reverse-viewer.log")));
    BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);

    ImageComparison.Result result;
    try {
      result = ScreenWatch.awaitPicture(xvfb, expected, 0, 1.0, PICTURE_TIMEOUT, viewer,
          Interop.artefacts().resolve("tigervnc-reverse-screen.png"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- server output:\n" + server.output(), e);
    }

    assertEquals(1.0, result.matchingFraction(), result.toString());
    assertTrue(server.output().contains("Reverse connection to viewer 127.0.0.1:" + listenPort
        + " is up"), "the server logs the connection:\n" + server.output());
    assertTrue(viewer.isAlive(), "the viewer exited:\n" + viewer.output());
  }
}
