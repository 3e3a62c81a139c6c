package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.ServerCutText;

/**
 * The AWT capture backend in the embedded distribution, its JVM started with DISPLAY pointing at
 * an Xvfb of the test's own: what X clients draw reaches the project's RFB client exactly, the
 * viewer's keys and clicks reach an X client, and the clipboard goes both ways through xclip. A
 * JVM without a display says the backend is inactive and serves the virtual desktop instead.
 */
class AwtBackendIT {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String AWT = "org.plugvnc.capture.awt";
  private static final String REGISTERED = "AWT capture backend 'awt' registered";
  private static final String INACTIVE = "AWT capture backend 'awt' inactive";

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void anXClientsPixelsReachTheViewerExactly() throws Exception {
    RequiredTools.require("Xvfb", "xsetroot", "xwud");
    try (Xvfb x = Xvfb.start(WIDTH, HEIGHT, log("awt-pixels-xvfb.log"));
        PlugvncServer server = awtServer(x).start("awt-pixels.log");
        RfbClient viewer = connect(server)) {
      assertEquals(WIDTH, viewer.width(), "the AWT backend's size, not the virtual desktop's");
      assertEquals(HEIGHT, viewer.height());

      run(x, "xsetroot", "-solid", "#3366cc");
      awaitPicture(viewer, (px, py) -> 0x3366cc, "the root window xsetroot painted");

      int w = 200;
      int h = 120;
      Path file = Files.write(work.resolve("pattern.xwd"),
          XwdWriter.write(w, h, (px, py) -> TestPattern.rgb(px, py, w, h)));
      try (ChildProcess xwud = client(x, "awt-xwud.log", "xwud", "-in", file.toString(),
          "-geometry", "+0+0")) {
        awaitPicture(viewer,
            (px, py) -> px < w && py < h ? TestPattern.rgb(px, py, w, h) : 0x3366cc,
            "the test pattern xwud shows at the top left");
      }
      awaitPicture(viewer, (px, py) -> 0x3366cc, "the root window again, once xwud has gone");
    }
  }

  @Test
  void theViewersKeysAndClicksReachAnXClient() throws Exception {
    RequiredTools.require("Xvfb", "xev");
    try (Xvfb x = Xvfb.start(WIDTH, HEIGHT, log("awt-input-xvfb.log"));
        PlugvncServer server = awtServer(x).start("awt-input.log");
        RfbClient viewer = connect(server);
        ChildProcess xev = client(x, "awt-xev.log", "xev", "-geometry", "200x200+100+100",
            "-event", "keyboard", "-event", "button")) {
      run(x, "xsetroot", "-solid", "#000000");
      awaitPixel(viewer, 200, 200, rgb -> rgb != 0, "xev's window");

      viewer.pointerEvent(0, 200, 200); // into xev's window, which then has the focus
      viewer.typeKey('a');
      viewer.typeKey('!'); // no Shift from the viewer: the backend presses it
      viewer.click(200, 200);
      viewer.pointerEvent(1 << 3, 200, 200); // the wheel, one notch up
      viewer.pointerEvent(0, 200, 200);
      viewer.pointerEvent(1 << 2, 200, 200); // button 3
      viewer.pointerEvent(0, 200, 200);

      xev.awaitLine("(keysym 0x61, a)", TIMEOUT);
      xev.awaitLine("(keysym 0xffe1, Shift_L)", TIMEOUT);
      xev.awaitLine("(keysym 0x21, exclam)", TIMEOUT);
      xev.awaitLine(line -> line.contains("button 1,"), "button 1", TIMEOUT);
      xev.awaitLine(line -> line.contains("button 4,"), "button 4 (the wheel)", TIMEOUT);
      xev.awaitLine(line -> line.contains("button 3,"), "button 3", TIMEOUT);
      assertTrue(xev.output().contains("ButtonPress event") && xev.output().contains("ButtonRelease event"),
          xev.output());
    }
  }

  /**
   * The backend exists while its configuration does: deleting the file unregisters it (viewers
   * are switched to the virtual desktop, with DesktopSize), writing it again brings it back.
   */
  @Test
  void theBackendComesAndGoesWithItsConfiguration() throws Exception {
    RequiredTools.require("Xvfb", "xsetroot");
    try (Xvfb x = Xvfb.start(WIDTH, HEIGHT, log("awt-config-xvfb.log"));
        PlugvncServer server = awtServer(x).testPattern(320, 200).start("awt-config.log");
        RfbClient viewer = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR,
            RfbNumbers.ENCODING_DESKTOP_SIZE)) {
      run(x, "xsetroot", "-solid", "#884422");
      awaitPicture(viewer, (px, py) -> 0x884422, "the root window");
      Path file = server.home().resolve("etc/" + AWT + ".cfg");
      String configuration = Files.readString(file);

      Files.delete(file);
      awaitSize(viewer, 320, 200);
      awaitPicture(viewer, (px, py) -> TestPattern.rgb(px, py, 320, 200),
          "the virtual desktop standing in");

      Files.writeString(file, configuration);
      awaitSize(viewer, WIDTH, HEIGHT);
      awaitPicture(viewer, (px, py) -> 0x884422, "the root window again");
    }
  }

  /**
   * The pointer moved by an X client (not by the viewer) is where a viewer without the Cursor
   * pseudo-encoding sees the backend's arrow drawn: black at its tip, white inside.
   */
  @Test
  void aPointerMovedOnTheXServerIsWhereARawViewerSeesTheArrow() throws Exception {
    RequiredTools.require("Xvfb", "xsetroot", "xdotool");
    try (Xvfb x = Xvfb.start(WIDTH, HEIGHT, log("awt-pointer-xvfb.log"));
        PlugvncServer server = awtServer(x).start("awt-pointer.log");
        RfbClient viewer = connect(server, RfbNumbers.ENCODING_RAW)) {
      run(x, "xsetroot", "-solid", "#3366cc");
      run(x, "xdotool", "mousemove", "100", "150");
      awaitPixel(viewer, 100, 150, rgb -> rgb == 0x000000, "the arrow's black tip");
      awaitPixel(viewer, 101, 152, rgb -> rgb == 0xFFFFFF, "the arrow's white inside");

      run(x, "xdotool", "mousemove", "300", "200");
      awaitPixel(viewer, 300, 200, rgb -> rgb == 0x000000, "the arrow's tip, moved");
      awaitPixel(viewer, 101, 152, rgb -> rgb == 0x3366cc, "the root window where the arrow was");
    }
  }

  /**
   * Needs an engine that hands a desktop's clipboard to its backend and back (capture API 1.1:
   * {@code clipboardFromViewer}, {@code DesktopListener.clipboardChanged}).
   */
  @Test
  void theClipboardGoesBothWaysThroughXclip() throws Exception {
    RequiredTools.require("Xvfb", "xclip");
    try (Xvfb x = Xvfb.start(WIDTH, HEIGHT, log("awt-clipboard-xvfb.log"));
        PlugvncServer server = awtServer(x).start("awt-clipboard.log");
        RfbClient viewer = connect(server)) {
      viewer.refresh(TIMEOUT); // the backend runs from the first viewer on

      // The backend takes the text on the X clipboard when it starts as already seen, and under
      // load its first look may come after an early xclip: so a text that does not arrive is
      // replaced by a newer one, a few times, and the newest must be what arrives.
      String fromX = null;
      ServerCutText cut = null;
      for (int attempt = 1; attempt <= 4 && cut == null; attempt++) {
        fromX = "from an X client, take " + attempt + ": grüße";
        Process xclip = xProcess(x, "xclip", "-selection", "clipboard", "-i").start();
        xclip.getOutputStream().write(fromX.getBytes(StandardCharsets.UTF_8));
        xclip.getOutputStream().close();
        assertTrue(xclip.waitFor(10, TimeUnit.SECONDS), "xclip -i did not fork off");
        try {
          cut = viewer.await(ServerCutText.class, Duration.ofSeconds(8));
        } catch (org.plugvnc.client.RfbTimeoutException notYet) {
          // the backend's first look at the clipboard came after this text: set a newer one
        }
      }
      assertTrue(cut != null, "no X clipboard text reached the viewer in 4 takes");
      assertEquals(fromX, cut.text());

      String fromViewer = "from the viewer: déjà vu";
      viewer.clientCutText(fromViewer);
      String pasted = "";
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!pasted.equals(fromViewer) && System.nanoTime() < deadline) {
        Thread.sleep(200);
        pasted = output(x, "xclip", "-selection", "clipboard", "-o");
      }
      assertEquals(fromViewer, pasted);
    }
  }

  @Test
  void aJvmWithoutADisplayLogsTheBackendInactiveAndServesTheVirtualDesktop() throws Exception {
    PlugvncServer.Builder builder = PlugvncServer.in(home).securityTypes("None")
        .environment("DISPLAY", null)
        .testPattern(320, 200)
        .config("org.plugvnc.server", "backend", "awt")
        .config(AWT, "pollMillis", "50");
    try (PlugvncServer server = builder.start("awt-headless.log")) {
      String line = server.process().awaitLine(INACTIVE, TIMEOUT);
      assertTrue(line.contains("headless"), line);
      try (RfbClient viewer = connect(server)) {
        assertEquals(320, viewer.width(), "the virtual desktop's size");
        assertEquals(200, viewer.height());
        awaitPicture(viewer, (px, py) -> TestPattern.rgb(px, py, 320, 200),
            "the virtual desktop's test pattern");
      }
      assertEquals(1, server.output().lines().filter(l -> l.contains(INACTIVE)).count(),
          server.output());
      assertFalse(server.output().contains(REGISTERED), server.output());
    }
  }

  // ---- helpers

  private PlugvncServer.Builder awtServer(Xvfb x) {
    return PlugvncServer.in(home).securityTypes("None")
        .environment("DISPLAY", x.display())
        .jvmArgument("-Djava.awt.headless=false")
        .config("org.plugvnc.server", "backend", "awt")
        .config(AWT, "pollMillis", "50")
        .config(AWT, "clipboardPollMillis", "100");
  }

  private static RfbClient connect(PlugvncServer server) throws IOException {
    // the cursor apart, as a pseudo-encoding: the engine would draw it into a Raw-only viewer's
    // picture where the backend says the pointer is
    return connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR);
  }

  private static RfbClient connect(PlugvncServer server, int... encodings) throws IOException {
    if (!server.output().contains(INACTIVE)) {
      // the backend registers a moment after the engine listens; until then the engine shows
      // the virtual desktop
      server.process().awaitLine(REGISTERED, TIMEOUT);
    }
    return RfbClient.builder().port(server.port())
        .securityType(RfbNumbers.SECURITY_NONE)
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(encodings)
        .readTimeout(TIMEOUT)
        .connect();
  }

  /** Takes updates until every pixel is what {@code expected} says, or fails naming the first. */
  private static void awaitPicture(RfbClient viewer, IntBinaryOperator expected, String what)
      throws IOException {
    viewer.refresh(TIMEOUT);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      String mismatch = firstMismatch(viewer, expected);
      if (mismatch == null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the viewer never showed " + what + ": " + mismatch);
      }
      viewer.requestUpdate(true);
      viewer.poll(Duration.ofMillis(300));
    }
  }

  private static void awaitSize(RfbClient viewer, int width, int height) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (viewer.width() != width || viewer.height() != height) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the viewer never got " + width + "x" + height + ": it has "
            + viewer.width() + "x" + viewer.height());
      }
      viewer.requestUpdate(true);
      viewer.poll(Duration.ofMillis(300));
    }
  }

  private static void awaitPixel(RfbClient viewer, int x, int y,
      java.util.function.IntPredicate test, String what) throws IOException {
    viewer.refresh(TIMEOUT);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!test.test(viewer.pixel(x, y))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the viewer never showed " + what + " at (" + x + ", " + y
            + "): it shows " + Integer.toHexString(viewer.pixel(x, y)));
      }
      viewer.requestUpdate(true);
      viewer.poll(Duration.ofMillis(300));
    }
  }

  private static String firstMismatch(RfbClient viewer, IntBinaryOperator expected) {
    int[] pixels = viewer.pixels();
    int w = viewer.width();
    int wrong = 0;
    String first = null;
    for (int i = 0; i < pixels.length; i++) {
      int want = expected.applyAsInt(i % w, i / w);
      if ((pixels[i] & 0xFFFFFF) != want) {
        wrong++;
        if (first == null) {
          first = String.format("(%d, %d) is %06x, not %06x", i % w, i / w, pixels[i] & 0xFFFFFF,
              want);
        }
      }
    }
    return first == null ? null : wrong + " pixels wrong, the first " + first;
  }

  private static Path log(String name) {
    return Interop.artefacts().resolve(name);
  }

  private static ChildProcess client(Xvfb x, String logName, String... command) {
    return ChildProcess.start(command[0], List.of(command), Map.of("DISPLAY", x.display()),
        log(logName));
  }

  private static ProcessBuilder xProcess(Xvfb x, String... command) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
    builder.environment().put("DISPLAY", x.display());
    return builder.redirectError(ProcessBuilder.Redirect.DISCARD);
  }

  /** Runs an X client to its end. */
  private static void run(Xvfb x, String... command) throws IOException, InterruptedException {
    Process p = xProcess(x, command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
    assertEquals(0, p.exitValue(), String.join(" ", command));
  }

  /** Runs an X client to its end and returns what it printed, as UTF-8. */
  private static String output(Xvfb x, String... command) throws IOException, InterruptedException {
    Process p = xProcess(x, command).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
    return new String(out, StandardCharsets.UTF_8);
  }
}
