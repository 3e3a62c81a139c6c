package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's vncsnapshot 1.2a (an RFB 3.3 client of the TightVNC 1.2.8 era) against the built
 * server: its JPEG must show the test pattern, within what JPEG compression changes (it writes
 * its snapshot as JPEG whatever the encoding, so the tolerance is the same for every encoding).
 */
class VncSnapshotIT {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int JPEG_TOLERANCE = 40;
  private static final double MIN_MATCHING = 0.95;
  private static final double MAX_MEAN_ERROR = 8;

  @TempDir Path home;
  @TempDir Path pictures;

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("vncsnapshot", "timeout");
  }

  @Test
  void snapshotShowsTheTestPatternAfterVncAuthentication() {
    try (PlugvncServer server =
        PlugvncServer.in(home).securityTypes("VncAuth").testPattern(WIDTH, HEIGHT)
            .start("vncsnapshot-vncauth-server.log")) {
      Path password = server.awaitPasswordFile(Duration.ofSeconds(10));

      assertSnapshotShowsTestPattern(server, password, "vncsnapshot-vncauth");
    }
  }

  @Test
  void snapshotShowsTheTestPatternWithoutAuthentication() {
    try (PlugvncServer server =
        PlugvncServer.in(home).securityTypes("None").testPattern(WIDTH, HEIGHT)
            .start("vncsnapshot-none-server.log")) {
      assertSnapshotShowsTestPattern(server, null, "vncsnapshot-none");
    }
  }

  /**
   * vncsnapshot offered Hextile or Zlib first (never Tight, CLIENTS.md), through a census proxy
   * that checks the server really sent that encoding.
   */
  @ParameterizedTest(name = "-encodings \"{0}\"")
  @CsvSource({"hextile copyrect raw,5", "zlib copyrect raw,6"})
  void snapshotShowsTheTestPatternInTheEncodingOfferedFirst(String encodings, int expected) {
    try (PlugvncServer server =
            PlugvncServer.in(home).securityTypes("None").testPattern(WIDTH, HEIGHT)
                .start("vncsnapshot-" + expected + "-server.log");
        CensusProxy proxy = CensusProxy.start(server.port())) {
      String name = "vncsnapshot-" + RfbCensus.name(expected).toLowerCase(java.util.Locale.ROOT);
      assertSnapshotShowsTestPattern(server, proxy.port(), encodings, null, name);

      RfbCensus census = proxy.census();
      assertNull(census.failure(), census.toString());
      assertTrue(census.rects(expected) > 0,
          RfbCensus.name(expected) + " never reached vncsnapshot; " + census);
      assertEquals(List.of(), census.unlistedEncodingsUsed(), census.toString());
    }
  }

  private void assertSnapshotShowsTestPattern(PlugvncServer server, Path password, String name) {
    assertSnapshotShowsTestPattern(server, server.port(), "raw copyrect", password, name);
  }

  private void assertSnapshotShowsTestPattern(
      PlugvncServer server, int port, String encodings, Path password, String name) {
    BufferedImage snapshot;
    try {
      snapshot = VncSnapshot.take(port, password, encodings, pictures.resolve(name + ".jpg"),
          Interop.artefacts().resolve(name + ".log"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- server output:\n" + server.output(), e);
    }

    assertEquals(WIDTH + "x" + HEIGHT, snapshot.getWidth() + "x" + snapshot.getHeight(),
        "snapshot size");
    ImageComparison.Result result = ImageComparison.compare(
        TestPattern.image(WIDTH, HEIGHT), snapshot, new Point(0, 0), JPEG_TOLERANCE);
    if (result.matchingFraction() < MIN_MATCHING || result.meanAbsoluteError() >= MAX_MEAN_ERROR) {
      Path saved = ImageComparison.savePng(snapshot, Interop.artefacts().resolve(name + ".png"));
      throw new AssertionError("the snapshot does not show the test pattern: " + result
          + " (need " + (MIN_MATCHING * 100) + "% and mean error < " + MAX_MEAN_ERROR
          + "); saved to " + saved + "\n--- server output:\n" + server.output());
    }
    assertTrue(result.matchingFraction() >= MIN_MATCHING);
  }
}
