package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * The X11 backend on a real Xvfb, configured through ConfigAdmin as an operator would, served by
 * the real server to the project's client over a real socket. Pictures are drawn by real X
 * clients (xsetroot, xwud, xrandr, xkbbell from Debian's x11-xserver-utils, x11-apps and
 * x11-xkb-utils).
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class X11CaptureTest {

  static final String PID = "org.plugvnc.capture.x11";
  static final Duration WAIT = Duration.ofSeconds(15);

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  XvfbDisplay x;
  Configuration backendConfig;

  @AfterEach
  void tearDown() throws Exception {
    if (backendConfig != null) {
      backendConfig.delete();
      awaitNoBackend(x.display()); // the next test's Xvfb may get the same display number
    }
    if (x != null) {
      x.close();
    }
  }

  /** Configures the backend on {@code x} with {@code extra} keys and the server to show it. */
  ServerFixture serve(Map<String, Object> extra) throws Exception {
    Map<String, Object> props = new HashMap<>(Map.of("display", x.display(), "pollMillis", 10,
        "reconnectMinMillis", 100, "reconnectMaxMillis", 500));
    props.putAll(extra);
    backendConfig = cm.getFactoryConfiguration(PID, "itest", "?");
    backendConfig.update(new java.util.Hashtable<>(props));
    awaitBackend(x.display());
    return ServerFixture.start(cm, "None", Map.of("backend", "x11"));
  }

  private ServiceReference<CaptureBackend> awaitBackend(String display) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      var refs = context.getServiceReferences(CaptureBackend.class,
          "(&(plugvnc.backend=x11)(plugvnc.x11.display=" + display + "))");
      if (!refs.isEmpty()) {
        return refs.iterator().next();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no X11 backend registered for " + display);
  }

  private void awaitNoBackend(String display) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end && !context.getServiceReferences(CaptureBackend.class,
        "(plugvnc.x11.display=" + display + ")").isEmpty()) {
      Thread.sleep(20);
    }
  }

  /** Asks for updates until every pixel is what {@code expected} says, or fails after WAIT. */
  static void awaitPicture(RfbClient c, IntBinaryOperator expected, String what) throws IOException {
    long end = System.nanoTime() + WAIT.toNanos();
    String last = "nothing received";
    c.requestUpdate(false);
    while (System.nanoTime() < end) {
      var m = c.poll(Duration.ofMillis(200));
      if (m.isPresent() && m.get() instanceof FramebufferUpdate) {
        last = firstDifference(c, expected);
        if (last == null) {
          return;
        }
        c.requestUpdate(true);
      }
    }
    fail(what + ": " + last);
  }

  static String firstDifference(RfbClient c, IntBinaryOperator expected) {
    for (int y = 0; y < c.height(); y++) {
      for (int x = 0; x < c.width(); x++) {
        int want = expected.applyAsInt(x, y);
        int got = c.pixel(x, y) & 0xFFFFFF;
        if (want != got) {
          return String.format("pixel %d,%d of %dx%d is %06X, not %06X", x, y, c.width(),
              c.height(), got, want);
        }
      }
    }
    return null;
  }

  /**
   * Connects with {@code encodings}. Pixel checks list the Cursor pseudo-encoding: without it the
   * engine draws the X cursor into the picture, where the pointer is.
   */
  private RfbClient connect(ServerFixture server, int... encodings) throws IOException {
    return server.client().securityType(1).encodings(encodings).connect();
  }

  @ParameterizedTest(name = "shm={0} damage={1} {2}")
  @CsvSource({"true, true, ''", "false, true, ''", "true, false, ''",
      "true, true, -extension MIT-SHM -extension DAMAGE"})
  void theRootColourSetByXsetrootReachesTheViewer(boolean shm, boolean damage, String xvfbArgs)
      throws Exception {
    x = XvfbDisplay.start(320, 240, 24, xvfbArgs.isBlank() ? new String[0] : xvfbArgs.split(" "));
    assertEquals(0, x.run("xsetroot", "-solid", "#123456"));
    ServerFixture server = serve(Map.of("shm", shm, "damage", damage));
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      assertEquals(320, c.width());
      assertEquals(240, c.height());
      awaitPicture(c, (px, py) -> 0x123456, "the first picture");
      assertEquals(0, x.run("xsetroot", "-solid", "#A0B0C0"));
      awaitPicture(c, (px, py) -> 0xA0B0C0, "after the second xsetroot");
    }
  }

  @Test
  void aPictureShownByXwudReachesTheViewerExactly() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    x.run("xsetroot", "-solid", "#000000");
    ServerFixture server = serve(Map.of());
    int w = 200;
    int h = 150;
    int[] picture = new int[w * h];
    for (int i = 0; i < picture.length; i++) {
      picture[i] = ServerFixture.pattern(i % w, i / w, w, h);
    }
    Path file = Files.createTempFile("plugvnc-pattern", ".xwd");
    XvfbDisplay.writeXwd(file, picture, w, h);
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      c.refresh(ServerFixture.TIMEOUT);
      // Updates for the damage of the backend's start may still come: wait for a quiet stream.
      c.requestUpdate(true);
      while (c.poll(Duration.ofMillis(500)).isPresent()) {
        c.requestUpdate(true);
      }
      Process xwud = x.spawn("xwud", "-in", file.toString(), "-geometry", "+30+40");
      try {
        FramebufferUpdate first = c.awaitUpdate(WAIT);
        assertTrue(first.pixelArea() > 0 && first.pixelArea() <= (long) w * h,
            "XDamage sent only the window's area, not the screen: " + first);
        awaitPicture(c, (px, py) -> px >= 30 && px < 30 + w && py >= 40 && py < 40 + h
            ? picture[(py - 40) * w + px - 30] : 0, "the xwud window");
      } finally {
        xwud.destroy();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Depth 16 is TrueColor 5-6-5; Xvfb's depth 8 is PseudoColor, read through the colour map. */
  @ParameterizedTest(name = "depth {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {16, 8})
  void pixelsAtDepth16And8AreExact(int depth) throws Exception {
    x = XvfbDisplay.start(320, 240, depth);
    ServerFixture server = serve(Map.of());
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      for (String colour : new String[] {"#FF0000", "#00FF00", "#0000FF", "#FFFFFF", "#FF00FF"}) {
        assertEquals(0, x.run("xsetroot", "-solid", colour));
        int rgb = Integer.parseInt(colour.substring(1), 16);
        awaitPicture(c, (px, py) -> rgb, "depth " + depth + ", " + colour);
      }
    }
  }

  @Test
  void theCursorShapeArrivesAndFollowsChanges() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    assertEquals(0, x.run("xsetroot", "-cursor_name", "left_ptr"));
    ServerFixture server = serve(Map.of());
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      FramebufferUpdate u = c.refresh(ServerFixture.TIMEOUT);
      assertTrue(u.hasEncoding(RfbNumbers.ENCODING_CURSOR), "a Cursor rectangle: " + u);
      var first = c.cursor();
      assertNotNull(first);
      assertTrue(first.width() > 0 && first.height() > 0, "a cursor with pixels: " + first);
      assertEquals(0, x.run("xsetroot", "-cursor_name", "watch"));
      c.requestUpdate(true);
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end && Arrays.equals(first.rgb(), c.cursor().rgb())
          && first.width() == c.cursor().width()) {
        c.poll(Duration.ofMillis(200)).ifPresent(m -> {
          try {
            c.requestUpdate(true);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      assertNotEquals(Arrays.toString(first.rgb()), Arrays.toString(c.cursor().rgb()),
          "the watch cursor replaced the arrow");
    }
  }

  @Test
  void aSizeChangeWithXrandrReachesTheViewerAsDesktopSize() throws Exception {
    x = XvfbDisplay.start(640, 480, 24);
    x.run("xsetroot", "-solid", "#336699");
    ServerFixture server = serve(Map.of());
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR,
        RfbNumbers.ENCODING_DESKTOP_SIZE)) {
      assertEquals(640, c.width());
      awaitPicture(c, (px, py) -> 0x336699, "before the resize");
      x.run("xrandr", "--fb", "400x300"); // Xvfb shrinks the screen, then complains about its CRTC
      long end = System.nanoTime() + WAIT.toNanos();
      c.requestUpdate(true);
      while (System.nanoTime() < end && c.width() != 400) {
        if (c.poll(Duration.ofMillis(200)).isPresent()) {
          c.requestUpdate(true);
        }
      }
      assertEquals(400, c.width(), "DesktopSize gave the new width");
      assertEquals(300, c.height(), "DesktopSize gave the new height");
      x.run("xsetroot", "-solid", "#996633");
      awaitPicture(c, (px, py) -> 0x996633, "after the resize");
    }
  }

  @Test
  void theBellRungByXkbbellReachesTheViewer() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    ServerFixture server = serve(Map.of());
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      c.refresh(ServerFixture.TIMEOUT);
      assertEquals(0, c.bellCount());
      assertEquals(0, x.run("xkbbell"));
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end && c.bellCount() == 0) {
        c.poll(Duration.ofMillis(200));
      }
      assertEquals(1, c.bellCount(), "one Bell message");
    }
  }

  @Test
  void theXServerKilledLeavesABlankDesktopAndARestartedOneIsShown() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    x.run("xsetroot", "-solid", "#CC2211");
    ServerFixture server = serve(Map.of("onServerLost", "blank"));
    try (RfbClient c = connect(server, RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR)) {
      awaitPicture(c, (px, py) -> 0xCC2211, "before the kill");
      x.kill();
      awaitPicture(c, (px, py) -> 0x000000, "a blank desktop while the X server is gone");
      Bundle backend = bundle("org.plugvnc.capture.x11");
      assertEquals(Bundle.ACTIVE, backend.getState(), "the backend bundle is still active");
      assertEquals(Bundle.ACTIVE, context.getBundle(0).getState(), "the framework still runs");
      x.restart();
      x.run("xsetroot", "-solid", "#11CC22");
      awaitPicture(c, (px, py) -> 0x11CC22, "the restarted X server's picture");
    }
  }

  @Test
  void withCloseTheBackendReportsTheLossAsAFailureAndReconnects() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    x.run("xsetroot", "-solid", "#445566");
    backendConfig = cm.getConfiguration(PID, "?"); // the singleton configuration works too
    backendConfig.update(new java.util.Hashtable<>(Map.of("display", x.display(), "name", "x11",
        "onServerLost", "close", "pollMillis", 10, "reconnectMinMillis", 100,
        "reconnectMaxMillis", 500)));
    ServiceReference<CaptureBackend> ref = awaitBackend(x.display());
    CaptureBackend backend = context.getService(ref);
    Recorder events = new Recorder();
    backend.start(events);
    try {
      int[] px = new int[320 * 240];
      backend.framebuffer().read(new Rect(0, 0, 320, 240), px, 0, 320);
      assertEquals(0x445566, px[0]);
      assertEquals(0x445566, px[px.length - 1]);
      x.kill();
      String reason = events.failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(reason, "failed(reason) was called");
      assertTrue(reason.contains(x.display()), reason);
      x.restart();
      x.run("xsetroot", "-solid", "#778899");
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end) {
        backend.framebuffer().read(new Rect(0, 0, 320, 240), px, 0, 320);
        if (px[0] == 0x778899 && px[px.length - 1] == 0x778899) {
          break;
        }
        Thread.sleep(50);
      }
      assertEquals(0x778899, px[0], "the reconnected backend shows the new server's pixels");
    } finally {
      backend.stop();
      context.ungetService(ref);
    }
  }

  @Test
  void aPointerMovedOnTheXServerIsReportedButNotOneAViewerMoved() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    backendConfig = cm.getFactoryConfiguration(PID, "itest-pointer", "?");
    backendConfig.update(new java.util.Hashtable<>(Map.of("display", x.display(), "pollMillis", 10)));
    ServiceReference<CaptureBackend> ref = awaitBackend(x.display());
    CaptureBackend backend = context.getService(ref);
    Recorder events = new Recorder();
    backend.start(events);
    try {
      assertEquals(List.of(new Point(160, 120)), awaitPointer(events, new Point(160, 120)),
          "where Xvfb puts the pointer, reported at start");
      fakeMotion(x.display(), 100, 50);
      assertEquals(List.of(new Point(100, 50)), awaitPointer(events, new Point(100, 50)));
      // A viewer's move reaches the backend's input (XTest there); the same position seen back on
      // the X server is not reported as a local move. Played here by moving the X pointer after.
      backend.input().pointer(new org.plugvnc.api.capture.PointerEvent(0, 200, 150));
      // The backend moves the pointer on its own input thread: wait until it did, or the test's
      // moves below could come first and end where the viewer's move put it.
      awaitXPointer(x.display(), 200, 150);
      events.pointer.clear();
      fakeMotion(x.display(), 200, 150);
      fakeMotion(x.display(), 201, 151);
      assertEquals(List.of(new Point(201, 151)), awaitPointer(events, new Point(201, 151)),
          "the viewer's own position is not reported back, the next local move is");
    } finally {
      backend.stop();
      context.ungetService(ref);
    }
  }

  /** Waits until the X server's pointer is at {@code px, py}, read from a connection of the test's own. */
  private static void awaitXPointer(String display, int px, int py) throws InterruptedException {
    com.sun.jna.platform.unix.X11 x11 = com.sun.jna.platform.unix.X11.INSTANCE;
    com.sun.jna.platform.unix.X11.Display d = x11.XOpenDisplay(display);
    assertNotNull(d, "the test opens " + display);
    try {
      long end = System.nanoTime() + WAIT.toNanos();
      com.sun.jna.ptr.IntByReference rx = new com.sun.jna.ptr.IntByReference();
      com.sun.jna.ptr.IntByReference ry = new com.sun.jna.ptr.IntByReference();
      com.sun.jna.ptr.IntByReference ignored = new com.sun.jna.ptr.IntByReference();
      while (true) {
        x11.XQueryPointer(d, x11.XDefaultRootWindow(d),
            new com.sun.jna.platform.unix.X11.WindowByReference(),
            new com.sun.jna.platform.unix.X11.WindowByReference(), rx, ry, ignored, ignored, ignored);
        if (rx.getValue() == px && ry.getValue() == py) {
          return;
        }
        if (System.nanoTime() > end) {
          throw new AssertionError("the backend's pointer move to " + px + "," + py
              + " never reached the X server (at " + rx.getValue() + "," + ry.getValue() + ")");
        }
        Thread.sleep(10);
      }
    } finally {
      x11.XCloseDisplay(d);
    }
  }

  /** Moves the X pointer through XTest from a connection of the test's own. */
  private static void fakeMotion(String display, int px, int py) {
    com.sun.jna.platform.unix.X11 x11 = com.sun.jna.platform.unix.X11.INSTANCE;
    com.sun.jna.platform.unix.X11.Display d = x11.XOpenDisplay(display);
    assertNotNull(d, "the test opens " + display);
    try {
      com.sun.jna.platform.unix.X11.XTest.INSTANCE.XTestFakeMotionEvent(d, -1, px, py,
          new com.sun.jna.NativeLong(0));
      x11.XSync(d, false);
    } finally {
      x11.XCloseDisplay(d);
    }
  }

  /** Every position reported until {@code wanted} (or WAIT passed), in order. */
  private static List<Point> awaitPointer(Recorder events, Point wanted)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    List<Point> seen = new java.util.ArrayList<>();
    while (System.nanoTime() < end) {
      Point p = events.pointer.poll(200, TimeUnit.MILLISECONDS);
      if (p != null) {
        seen.add(p);
        if (p.equals(wanted)) {
          break;
        }
      }
    }
    return seen;
  }

  private Bundle bundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new AssertionError(symbolicName + " is not installed");
  }

  /** Records what a backend reports. */
  static final class Recorder implements DesktopListener {
    final BlockingQueue<String> failures = new LinkedBlockingQueue<>();
    final BlockingQueue<Point> pointer = new LinkedBlockingQueue<>();

    @Override
    public void damaged(Region region) {}

    @Override
    public void copied(Rect target, Point source) {}

    @Override
    public void resized(int width, int height) {}

    @Override
    public void cursorChanged(CursorShape shape) {}

    @Override
    public void bell() {}

    @Override
    public void pointerMoved(int x, int y) {
      pointer.add(new Point(x, y));
    }

    @Override
    public void failed(String reason) {
      failures.add(reason);
    }
  }
}
