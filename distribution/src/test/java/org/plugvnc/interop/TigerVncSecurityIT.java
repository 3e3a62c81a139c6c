package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
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
 * TigerVNC's viewer (Debian's 1.12) over each security type it shares with plugvnc, against the
 * built jar on its default offer (VeNCrypt first): the certificate the server generated at its
 * first start is the only thing the viewer is given to trust ({@code -X509CA}), and each viewer
 * must show the test pattern exactly. A wrong password fails with the server's reason.
 */
class TigerVncSecurityIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int TOLERANCE = 4;
  private static final double MIN_MATCHING = 0.99;
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FILE_TIMEOUT = Duration.ofSeconds(20);
  private static final String USER = "alice";
  private static final String USER_PASSWORD = "wonder land";

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
  void x509VncShowsTheDesktopWithTheGeneratedCertificateTrusted() {
    PlugvncServer server = track(PlugvncServer.in(home).testPattern(WIDTH, HEIGHT)
        .start("tigervnc-x509vnc-server.log"));
    Path password = server.awaitPasswordFile(FILE_TIMEOUT);
    Path certificate = awaitFile(server, server.certificateFile());

    assertShowsTestPattern(server, "X509Vnc", password, certificate, Map.of(), "tigervnc-x509vnc");
    assertTrue(server.output().contains("authenticated (VeNCrypt"), server.output());
  }

  @Test
  void x509PlainShowsTheDesktopToAUserOfTheUsersFile() {
    PlugvncServer server = track(PlugvncServer.in(home).testPattern(WIDTH, HEIGHT)
        .user(USER, USER_PASSWORD, false).start("tigervnc-x509plain-server.log"));
    Path certificate = awaitFile(server, server.certificateFile());

    assertShowsTestPattern(server, "X509Plain", null, certificate,
        Map.of("VNC_USERNAME", USER, "VNC_PASSWORD", USER_PASSWORD), "tigervnc-x509plain");
    assertTrue(server.output().contains(USER), server.output());
  }

  @Test
  void x509NoneShowsTheDesktopWhenConfigured() {
    PlugvncServer server = track(PlugvncServer.in(home).testPattern(WIDTH, HEIGHT)
        .config("org.plugvnc.security.vencrypt", "subtypes", "X509None")
        .start("tigervnc-x509none-server.log"));
    Path certificate = awaitFile(server, server.certificateFile());

    assertShowsTestPattern(server, "X509None", null, certificate, Map.of(), "tigervnc-x509none");
  }

  @Test
  void vncAuthenticationStillWorksUnderTheDefaultOffer() {
    PlugvncServer server = track(PlugvncServer.in(home).testPattern(WIDTH, HEIGHT)
        .start("tigervnc-default-vncauth-server.log"));
    Path password = server.awaitPasswordFile(FILE_TIMEOUT);

    assertShowsTestPattern(server, "VncAuth", password, null, Map.of(), "tigervnc-default-vncauth");
  }

  @Test
  void aWrongPasswordInsideTlsFailsWithTheServersReason() throws IOException {
    PlugvncServer server = track(PlugvncServer.in(home).testPattern(WIDTH, HEIGHT)
        .user(USER, USER_PASSWORD, false).start("tigervnc-x509-wrong-server.log"));
    Path certificate = awaitFile(server, server.certificateFile());
    Path wrong = home.resolve("wrong-passwd");
    Files.write(wrong, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // a VNC password file, not the server's

    String vnc = failedViewer(server, "X509Vnc", wrong, certificate, Map.of(), "tigervnc-x509vnc-wrong");
    assertTrue(vnc.contains("Authentication failed"), "the server's reason:\n" + vnc);
    String plain = failedViewer(server, "X509Plain", null, certificate,
        Map.of("VNC_USERNAME", USER, "VNC_PASSWORD", "not it"), "tigervnc-x509plain-wrong");
    assertTrue(plain.toLowerCase().contains("authentication failed")
        || plain.toLowerCase().contains("wrong user name or password"), "the server's reason:\n" + plain);
  }

  private String failedViewer(PlugvncServer server, String type, Path password, Path certificate,
      Map<String, String> environment, String name) {
    Xvfb xvfb = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT, Interop.artefacts().resolve(name + "-xvfb.log")));
    ChildProcess viewer = track(TigerVncViewer.start(xvfb, server.port(), type, password,
        Interop.artefacts().resolve(name + "-viewer.log"), TigerVncViewer.EXACT,
        List.of("-X509CA", certificate.toString()), environment));
    viewer.awaitExit(PICTURE_TIMEOUT);
    return viewer.output();
  }

  private void assertShowsTestPattern(PlugvncServer server, String type, Path password,
      Path certificate, Map<String, String> environment, String name) {
    Xvfb xvfb = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT, Interop.artefacts().resolve(name + "-xvfb.log")));
    List<String> trust = certificate == null ? List.of() : List.of("-X509CA", certificate.toString());
    ChildProcess viewer = track(TigerVncViewer.start(xvfb, server.port(), type, password,
        Interop.artefacts().resolve(name + "-viewer.log"), TigerVncViewer.EXACT, trust, environment));
    BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);
    ImageComparison.Result result;
    try {
      result = ScreenWatch.awaitPicture(xvfb, expected, TOLERANCE, MIN_MATCHING, PICTURE_TIMEOUT,
          viewer, Interop.artefacts().resolve(name + "-screen.png"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- viewer output:\n" + viewer.output()
          + "\n--- server output:\n" + server.output(), e);
    }
    assertTrue(result.matchingFraction() >= MIN_MATCHING, result.toString());
    assertTrue(viewer.isAlive(), "the viewer exited:\n" + viewer.output());
  }

  private static Path awaitFile(PlugvncServer server, Path file) {
    long deadline = System.nanoTime() + FILE_TIMEOUT.toNanos();
    while (!Files.isRegularFile(file)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server wrote no " + file + "; its output:\n" + server.output());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return file;
  }
}
