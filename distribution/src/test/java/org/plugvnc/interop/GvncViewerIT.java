package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gtk-vnc's {@code gvncviewer} (Debian's gtk-vnc 1.3) over VeNCrypt X509None against the built
 * jar: the only thing the viewer is given to trust is the certificate the server generated at its
 * first start, where gtk-vnc looks for its CA ({@code ~/.pki/CA/cacert.pem}).
 *
 * <p>Three things about gvncviewer shape the test. It takes only {@code host:display}, so the
 * server listens on 5900 + display. It finds its home through {@code getpwuid}, not
 * {@code $HOME}, so a temporary home is given to it by nss_wrapper (a passwd file of the test's
 * naming the current uid with that home), which touches nothing of the real user's. And it
 * always lists JPEG, so its picture may be lossy: it must show the test pattern approximately
 * (on this pattern the server's choice has come out exact).
 */
class GvncViewerIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int FIRST_VNC_PORT = 5900;
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FILE_TIMEOUT = Duration.ofSeconds(20);
  /** Only to find the picture on the screen: its corners and centre within this per channel. */
  private static final int LOCATE_TOLERANCE = 48;
  /**
   * Generous on purpose: gtk-vnc picks its JPEG quality itself. A picture in the wrong place,
   * colour order or pixel format comes out below 20 dB with a mean error of tens per channel.
   */
  private static final double MIN_PSNR = 25;
  private static final double MAX_MEAN_ERROR = 8;
  /** What gtk-vnc's debug log prints when it chooses VeNCrypt X509None (260). */
  private static final String CHOSE_X509NONE = "Choose auth subtype 260";
  private static final List<String> LIBRARY_DIRECTORIES = List.of(
      "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib");
  private static final String NSS_WRAPPER = "libnss_wrapper.so";

  @TempDir Path directory;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("Xvfb", "gvncviewer", "xwd");
    if (LIBRARY_DIRECTORIES.stream().noneMatch(d -> Files.isRegularFile(Path.of(d, NSS_WRAPPER)))) {
      throw new AssertionError("missing " + NSS_WRAPPER + " (Debian: libnss-wrapper) for the"
          + " gvncviewer test - run scripts/install-test-deps.sh");
    }
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
  void x509NoneShowsTheTestPatternWithTheGeneratedCertificateTrusted() throws IOException {
    int port = Interop.freePortFrom(FIRST_VNC_PORT);
    PlugvncServer server = track(PlugvncServer.in(directory.resolve("server")).port(port)
        .testPattern(WIDTH, HEIGHT)
        .config("org.plugvnc.security.vencrypt", "subtypes", "X509None")
        .start("gvncviewer-x509none-server.log"));
    Path certificate = awaitFile(server, server.certificateFile());
    Map<String, String> environment = viewerHome(certificate);

    Xvfb xvfb = track(Xvfb.start(2 * WIDTH, 2 * HEIGHT,
        Interop.artefacts().resolve("gvncviewer-x509none-xvfb.log")));
    Map<String, String> withDisplay = new HashMap<>(environment);
    withDisplay.put("DISPLAY", xvfb.display());
    // "localhost", a name the generated certificate carries, for gtk-vnc's host name check.
    ChildProcess viewer = track(ChildProcess.start("gvncviewer",
        List.of("gvncviewer", "--gtk-vnc-debug", "localhost:" + (port - FIRST_VNC_PORT)),
        withDisplay, Interop.artefacts().resolve("gvncviewer-x509none-viewer.log")));

    BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);
    ImageComparison.Result result;
    try {
      result = ScreenWatch.awaitSteadyPicture(xvfb, expected, LOCATE_TOLERANCE, PICTURE_TIMEOUT,
          viewer, Interop.artefacts().resolve("gvncviewer-x509none-screen.png"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- server output:\n" + server.output(), e);
    }
    System.out.println("[interop] gvncviewer over VeNCrypt X509None: " + result);
    assertTrue(result.psnr() >= MIN_PSNR && result.meanAbsoluteError() <= MAX_MEAN_ERROR,
        "gvncviewer's picture: " + result + ", need PSNR >= " + MIN_PSNR + " dB and mean error <= "
            + MAX_MEAN_ERROR);
    assertTrue(server.output().contains("authenticated (VeNCrypt"),
        "the server logged no VeNCrypt authentication:\n" + server.output());
    assertTrue(viewer.output().contains(CHOSE_X509NONE),
        "gvncviewer did not choose X509None:\n" + viewer.output());
    assertTrue(viewer.isAlive(), "the viewer exited:\n" + viewer.output());
  }

  /**
   * A home for the viewer with the server's certificate as its CA, and the environment that makes
   * gvncviewer see it: nss_wrapper answers {@code getpwuid} from a passwd file of this test's.
   */
  private Map<String, String> viewerHome(Path certificate) throws IOException {
    Path home = Files.createDirectories(directory.resolve("viewer-home"));
    Path ca = Files.createDirectories(home.resolve(".pki/CA"));
    Files.copy(certificate, ca.resolve("cacert.pem"));
    int uid = (Integer) Files.getAttribute(home, "unix:uid");
    int gid = (Integer) Files.getAttribute(home, "unix:gid");
    Path passwd = directory.resolve("passwd");
    Files.writeString(passwd, "viewer:x:" + uid + ":" + gid + ":viewer:" + home + ":/bin/sh\n");
    Path group = directory.resolve("group");
    Files.writeString(group, "viewer:x:" + gid + ":\n");
    return Map.of(
        "LD_PRELOAD", NSS_WRAPPER,
        "NSS_WRAPPER_PASSWD", passwd.toString(),
        "NSS_WRAPPER_GROUP", group.toString(),
        "HOME", home.toString(),
        "NO_AT_BRIDGE", "1");
  }

  private static Path awaitFile(PlugvncServer server, Path file) {
    long deadline = System.nanoTime() + FILE_TIMEOUT.toNanos();
    while (!Files.isRegularFile(file)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server wrote no " + file + "; its output:\n"
            + server.output());
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
