package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.HEIGHT;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;
import static org.plugvnc.itest.ServerFixture.WIDTH;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.CursorShape;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/** Framebuffer updates and input, end to end through the real server and virtual desktop. */
@ExtendWith(ServiceExtension.class)
class FramebufferTest {

  @InjectService
  ConfigurationAdmin cm;

  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of());
  }

  static Stream<PixelFormat> formats() {
    return Stream.of(PixelFormat.RGB888_LE, PixelFormat.RGB888_BE, PixelFormat.BGR888_LE,
        PixelFormat.RGB565_LE, PixelFormat.RGB565_BE, PixelFormat.RGB555_LE, PixelFormat.BGR233,
        PixelFormat.INDEXED_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aFullUpdateShowsTheTestPatternInEveryPixelFormat(PixelFormat format) throws IOException {
    try (RfbClient c = server.client().securityType(1).pixelFormat(format)
        .encodings(RfbNumbers.ENCODING_RAW).connect()) {
      FramebufferUpdate u = c.refresh(TIMEOUT);
      assertEquals((long) WIDTH * HEIGHT, u.pixelArea(), "a full request gets the whole screen");
      int tolerance = tolerance(format);
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          assertClose(ServerFixture.pattern(x, y, WIDTH, HEIGHT), c.pixel(x, y), tolerance, x, y);
        }
      }
    }
  }

  /** The largest per-channel error a format's precision allows (colour map: 3-3-2 at worst). */
  private static int tolerance(PixelFormat f) {
    if (!f.trueColour()) {
      return 255 / 3 / 2 + 1;
    }
    int min = Math.min(f.redMax(), Math.min(f.greenMax(), f.blueMax()));
    return 255 / min / 2 + 1;
  }

  private static void assertClose(int expected, int actual, int tolerance, int x, int y) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = (expected >> shift) & 0xFF;
      int a = (actual >> shift) & 0xFF;
      if (Math.abs(e - a) > tolerance) {
        throw new AssertionError(String.format("pixel (%d,%d): expected %06x, got %06x", x, y,
            expected, actual));
      }
    }
  }

  @Test
  void anIncrementalRequestWaitsForDamage() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      c.requestUpdate(true);
      assertTrue(c.poll(Duration.ofMillis(700)).isEmpty(),
          "nothing changed on the test pattern, so nothing may be sent");
    }
  }

  @Test
  void keysReachTheDesktop() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      c.requestUpdate(true);
      c.keyEvent(true, 0x41);
      c.keyEvent(false, 0x41);
      FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
      assertTrue(u.pixelArea() >= 16 * 16, "the key block was updated: " + u);
      assertEquals(0x000041, c.pixel(0, 0));
      assertEquals(0x000041, c.pixel(15, 15));
      assertEquals(ServerFixture.pattern(16, 16, WIDTH, HEIGHT), c.pixel(16, 16));
    }
  }

  @Test
  void pointerEventsReachTheDesktop() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      c.requestUpdate(true);
      c.pointerEvent(1, 100, 50);
      c.pointerEvent(0, 100, 50);
      FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
      assertTrue(u.pixelArea() >= 16, "the pointer block was updated: " + u);
      assertEquals(0xFFFFFF, c.pixel(100, 50));
      assertEquals(0xFFFFFF, c.pixel(103, 53));
      assertEquals(ServerFixture.pattern(104, 54, WIDTH, HEIGHT), c.pixel(104, 54));
    }
  }

  @Test
  void updatesStayInsideTheRequestedArea() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.requestUpdate(false, 10, 20, 30, 40);
      FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
      u.rectangles().forEach(r -> assertTrue(r.x() >= 10 && r.y() >= 20
          && r.x() + r.width() <= 40 && r.y() + r.height() <= 60, "outside the request: " + r));
      assertEquals(30L * 40, u.pixelArea());
    }
  }

  @Test
  void theCursorShapeIsSentToViewersThatListCursor() throws IOException {
    try (RfbClient c = server.client().securityType(1)
        .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR).connect()) {
      FramebufferUpdate u = c.refresh(TIMEOUT);
      assertTrue(u.hasEncoding(RfbNumbers.ENCODING_CURSOR), "cursor pseudo-rectangle: " + u);
      CursorShape cursor = c.cursor();
      assertNotNull(cursor);
      assertEquals(12, cursor.width());
      assertEquals(18, cursor.height());
      assertTrue(cursor.opaque(0, 0), "the arrow's tip is opaque");
      assertTrue(!cursor.opaque(11, 0), "the top right corner is transparent");
    }
  }

  @Test
  void noPseudoRectangleForViewersThatDidNotListIt() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      FramebufferUpdate u = c.refresh(TIMEOUT);
      u.rectangles().forEach(r -> assertEquals(RfbNumbers.ENCODING_RAW, r.encoding()));
    }
  }
}
