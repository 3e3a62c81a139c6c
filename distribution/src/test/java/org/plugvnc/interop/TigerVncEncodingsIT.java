package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.client.RfbClient;

/**
 * TigerVNC's viewer (Debian 1.12) forced to each encoding it decodes, through a {@link CensusProxy}
 * that checks the encoding really reached it: the test pattern must show exactly at full colour,
 * within nothing but the colour levels of TigerVNC's 8-bit formats, close to it with JPEG and
 * exactly once the server has re-sent the JPEG areas losslessly, and a scrolling band must arrive
 * as CopyRect and still end exact.
 *
 * <p>Which encodings: TigerVNC 1.12 decodes Raw, CopyRect, RRE, Hextile, Tight and ZRLE (not CoRRE,
 * Zlib or TRLE), and {@code -PreferredEncoding} takes RRE too, though its help names only the
 * other four. It lists the preferred one first, then CopyRect, then the rest; plugvnc follows the
 * viewer's order. One server and one X display serve the still pattern; each case costs one
 * viewer start. The scrolling cases start a server each, because the band scrolls once per start
 * of the desktop, that is when its first viewer arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TigerVncEncodingsIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int SCROLL_STEPS = 10;
  private static final int SCROLL_ROWS = 8;
  /** The block a key press paints at the test pattern's top-left corner, in its keysym's colour. */
  private static final int KEY_BLOCK = 16;
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);

  private static final Map<String, Integer> ENCODINGS = Map.of(
      "Raw", RfbCensus.RAW, "RRE", RfbCensus.RRE, "Hextile", RfbCensus.HEXTILE,
      "ZRLE", RfbCensus.ZRLE, "Tight", RfbCensus.TIGHT);

  /**
   * TigerVNC's 8-bit true-colour formats: level 0 is 8 colours (one bit a channel), level 1 is 64
   * (two bits a channel), as its SetPixelFormat says.
   */
  private static final Map<Integer, int[]> LOW_COLOUR_MAXIMA = Map.of(0, new int[] {1, 1, 1},
      1, new int[] {3, 3, 3});

  /**
   * The widening back to 8 bits is the only thing in the expected 8-bit picture taken from the
   * viewer rather than the specification (v * 255 / max, seen against a scripted server): allow
   * it to round instead, never a wrong level, which would be 36 or more off.
   */
  private static final int LOW_COLOUR_TOLERANCE = 1;

  /**
   * JPEG at TigerVNC's default quality level 8 (JPEG quality 92, no chroma subsampling). The same
   * pattern through the JDK's JPEG writer at quality 62 with 4:2:0 subsampling comes back at
   * 34.4 dB PSNR and a mean error of 1.7 per channel, the blue checks' hard edges being most of
   * it; a picture decoded in the wrong place, colour order or format is below 20 dB. 30 dB and 4
   * leave room for another JPEG encoder and the server's choice of rectangles, and catch those.
   */
  private static final double MIN_JPEG_PSNR = 30;
  private static final double MAX_JPEG_MEAN_ERROR = 4;
  /** Only to find the JPEG picture on the screen: its corners and centre within this. */
  private static final int JPEG_LOCATE_TOLERANCE = 48;

  @TempDir static Path homes;

  private Xvfb xvfb;
  private PlugvncServer still;
  private int serverCount;

  @BeforeAll
  void startDisplayAndServer() {
    RequiredTools.require("Xvfb", "vncviewer", "xwd");
    xvfb = Xvfb.start(2 * WIDTH, 2 * HEIGHT, Interop.artefacts().resolve("tigervnc-enc-xvfb.log"));
    still = startServer(0);
  }

  @AfterAll
  void stopDisplayAndServer() {
    if (still != null) {
      still.close();
    }
    if (xvfb != null) {
      xvfb.close();
    }
  }

  private PlugvncServer startServer(int scrollSteps) {
    serverCount++;
    PlugvncServer.Builder builder = PlugvncServer.in(homes.resolve("home-" + serverCount))
        .securityTypes("None").testPattern(WIDTH, HEIGHT);
    if (scrollSteps > 0) {
      builder.config("org.plugvnc.capture.virtual", "scrollSteps", Integer.toString(scrollSteps))
          .config("org.plugvnc.capture.virtual", "scrollPixels", Integer.toString(SCROLL_ROWS));
    }
    return builder.start("tigervnc-enc-server-" + serverCount + ".log");
  }

  /** A viewer behind a census proxy, closed viewer first. */
  private final class Viewing implements AutoCloseable {
    final String name;
    final PlugvncServer server;
    final CensusProxy proxy;
    final ChildProcess viewer;

    Viewing(PlugvncServer server, String name, List<String> options, boolean holdFirstJpeg) {
      this.name = name;
      this.server = server;
      proxy = CensusProxy.start(server.port());
      if (holdFirstJpeg) {
        proxy.holdWhen(c -> c.everyPixelReceived() && c.lossyPixels() > 0);
      }
      viewer = TigerVncViewer.start(xvfb, proxy.port(), "None", null,
          Interop.artefacts().resolve(name + "-viewer.log"), options, List.of());
    }

    RfbCensus census() {
      return proxy.census();
    }

    ImageComparison.Result awaitPicture(BufferedImage expected, int tolerance) {
      try {
        return ScreenWatch.awaitPicture(xvfb, expected, tolerance, 1.0, PICTURE_TIMEOUT, viewer,
            Interop.artefacts().resolve(name + "-screen.png"));
      } catch (AssertionError e) {
        throw new AssertionError(context(e.getMessage()), e);
      }
    }

    /** The forced encoding carried pixels, and nothing reached the viewer unlisted. */
    void assertEncodingUsed(int encoding) {
      RfbCensus census = census();
      assertNull(census.failure(), context("the census lost the stream"));
      assertTrue(census.rects(encoding) > 0,
          context(RfbCensus.name(encoding) + " never reached the viewer"));
      assertEquals(List.of(), census.unlistedEncodingsUsed(), context("unlisted encodings"));
      assertTrue(viewer.isAlive(), context("the viewer exited"));
    }

    String context(String message) {
      return message + "; " + census() + "\n--- viewer output:\n" + viewer.output()
          + "\n--- server output:\n" + server.output();
    }

    @Override
    public void close() {
      viewer.close();
      proxy.close();
    }
  }

  private static List<String> exactOptions(String encoding) {
    return List.of("-AutoSelect=0", "-PreferredEncoding=" + encoding, "-FullColor", "-NoJPEG");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Raw", "RRE", "Hextile", "ZRLE", "Tight"})
  void fullColourPictureIsExactInEachEncoding(String encoding) {
    String name = "tigervnc-enc-" + encoding;
    try (Viewing v = new Viewing(still, name, exactOptions(encoding), false)) {
      v.awaitPicture(TestPattern.image(WIDTH, HEIGHT), 0);

      if (!encoding.equals("RRE")) {
        v.assertEncodingUsed(ENCODINGS.get(encoding));
      }
      // RRE: the pattern is a full-colour gradient, which the server (like TigerVNC's) sends to
      // an RRE-first viewer in the next listed encoding; what RRE carries is checked below.
    }
  }

  /**
   * RRE is for long runs and fills: the server gives an RRE-first viewer its fills in RRE and the
   * full-colour gradient in the next encoding it listed, as TigerVNC's server does. A key pressed
   * on the test pattern paints a solid block, which must reach the viewer as RRE, exactly.
   */
  @Test
  void rreCarriesTheFillsOfAFullColourDesktop() throws Exception {
    int keysym = 0x33AA55;
    try (PlugvncServer own = startServer(0);
        Viewing v = new Viewing(own, "tigervnc-enc-RRE-fill", exactOptions("RRE"), false)) {
      v.awaitPicture(TestPattern.image(WIDTH, HEIGHT), 0);
      try (RfbClient typist = RfbClient.builder().host("127.0.0.1").port(own.port())
          .securityType(1).readTimeout(PICTURE_TIMEOUT).connect()) {
        typist.keyEvent(true, keysym);
        typist.keyEvent(false, keysym);
        BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);
        for (int y = 0; y < KEY_BLOCK; y++) {
          for (int x = 0; x < KEY_BLOCK; x++) {
            expected.setRGB(x, y, keysym);
          }
        }
        v.awaitPicture(expected, 0);
      }
      v.assertEncodingUsed(RfbCensus.RRE);
    }
  }

  @ParameterizedTest(name = "{0} at LowColorLevel {1}")
  @CsvSource({
      "Raw,0", "RRE,0", "Hextile,0", "ZRLE,0", "Tight,0",
      "Raw,1", "RRE,1", "Hextile,1", "ZRLE,1", "Tight,1"})
  void eightBitPictureHasExactlyTheFormatsColours(String encoding, int level) {
    // -FullColor=0 is needed: full colour is the default, and wins over LowColorLevel.
    List<String> options = List.of("-AutoSelect=0", "-PreferredEncoding=" + encoding,
        "-FullColor=0", "-LowColorLevel=" + level, "-NoJPEG");
    int[] max = LOW_COLOUR_MAXIMA.get(level);
    BufferedImage expected =
        ImageComparison.reduced(TestPattern.image(WIDTH, HEIGHT), max[0], max[1], max[2]);
    try (Viewing v = new Viewing(still, "tigervnc-enc-" + encoding + "-low" + level, options,
        false)) {
      v.awaitPicture(expected, LOW_COLOUR_TOLERANCE);

      v.assertEncodingUsed(ENCODINGS.get(encoding));
    }
  }

  @Test
  void jpegPictureIsCloseBeforeItsLosslessRefreshAndExactAfter() throws Exception {
    List<String> options =
        List.of("-AutoSelect=0", "-PreferredEncoding=Tight", "-QualityLevel=8", "-FullColor");
    BufferedImage expected = TestPattern.image(WIDTH, HEIGHT);
    try (Viewing v = new Viewing(still, "tigervnc-enc-jpeg", options, true)) {
      assertTrue(v.proxy.awaitHeld(PICTURE_TIMEOUT),
          v.context("no complete picture with JPEG in it reached the viewer"));

      ImageComparison.Result lossy = ScreenWatch.awaitSteadyPicture(xvfb, expected,
          JPEG_LOCATE_TOLERANCE, PICTURE_TIMEOUT, v.viewer,
          Interop.artefacts().resolve("tigervnc-enc-jpeg-lossy.png"));
      v.proxy.release();

      assertTrue(lossy.psnr() >= MIN_JPEG_PSNR && lossy.meanAbsoluteError() <= MAX_JPEG_MEAN_ERROR,
          v.context("the JPEG picture: " + lossy + ", need PSNR >= " + MIN_JPEG_PSNR
              + " dB and mean error <= " + MAX_JPEG_MEAN_ERROR));
      assertFalse(lossy.exact(), v.context("the held picture was already exact: " + lossy));
      v.awaitPicture(expected, 0);
      assertEquals(0, v.census().lossyPixels(),
          v.context("JPEG pixels never re-sent losslessly"));
      v.assertEncodingUsed(RfbCensus.TIGHT);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ZRLE", "Tight"})
  void scrollingBandArrivesAsCopyRectAndEndsExact(String encoding) {
    try (PlugvncServer scrolling = startServer(SCROLL_STEPS);
        Viewing v = new Viewing(scrolling, "tigervnc-enc-scroll-" + encoding,
            exactOptions(encoding), false)) {
      v.awaitPicture(TestPattern.scrolled(WIDTH, HEIGHT, SCROLL_STEPS, SCROLL_ROWS), 0);

      v.assertEncodingUsed(ENCODINGS.get(encoding));
      assertTrue(v.census().rects(RfbCensus.COPY_RECT) > 0, v.context("no CopyRect"));
    }
  }

  @Test
  void scrollingBandWithJpegEndsExact() {
    List<String> options =
        List.of("-AutoSelect=0", "-PreferredEncoding=Tight", "-QualityLevel=8", "-FullColor");
    try (PlugvncServer scrolling = startServer(SCROLL_STEPS);
        Viewing v = new Viewing(scrolling, "tigervnc-enc-scroll-jpeg", options, false)) {
      v.awaitPicture(TestPattern.scrolled(WIDTH, HEIGHT, SCROLL_STEPS, SCROLL_ROWS), 0);

      v.assertEncodingUsed(RfbCensus.TIGHT);
      List<String> missing = new ArrayList<>();
      if (v.census().rects(RfbCensus.COPY_RECT) == 0) {
        missing.add("CopyRect");
      }
      if (v.census().jpegRects() == 0) {
        missing.add("JPEG");
      }
      assertEquals(List.of(), missing, v.context("never reached the viewer"));
      assertEquals(0, v.census().lossyPixels(), v.context("JPEG pixels left lossy"));
    }
  }
}
