package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * The example bundle's application display served as the desktop ({@code backend=example}): the
 * project's own client sees its exact pixels, and its clicks and keys change them as the example
 * says. The expected picture is written out here from the example's documented layout.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ExampleDisplayTest {

  /** The example component's PID, its name: it waits for a configuration there. */
  private static final String EXAMPLE_PID = "org.plugvnc.example.display.ExampleDisplay";
  private static final int W = 320;
  private static final int H = 200;
  private static final int[] DIM = {0xC03030, 0x30A050, 0x3060C0};
  private static final int[] LIT = {0xFF6060, 0x60FF90, 0x60A0FF};
  private static final int KEY_TICK = 0xF0D040;
  private static final int CLICK_TICK = 0xF0F0F0;

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  private ServerFixture server;
  private final boolean[] lit = new boolean[3];
  private final int[] ticks = new int[20];
  private int count;

  /**
   * Switches the example on (it waits for its configuration, so that it never stands in for the
   * virtual desktop in other tests) and shows it.
   */
  @BeforeEach
  void showTheExample() throws Exception {
    cm.getConfiguration(EXAMPLE_PID, "?").update(new Hashtable<>(Map.of()));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String example = "(" + CaptureBackend.PROPERTY_NAME + "=example)";
    while (context.getServiceReferences(CaptureBackend.class, example).isEmpty()) {
      if (System.nanoTime() > deadline) {
        fail("the engine registered no backend for the example display");
      }
      Thread.sleep(20);
    }
    server = ServerFixture.start(cm, "None", Map.of("backend", "example"));
  }

  @AfterEach
  void switchTheExampleOff() throws Exception {
    ServerFixture.start(cm, "None", Map.of("backend", "virtual"));
    cm.getConfiguration(EXAMPLE_PID, "?").delete();
  }

  /** The example's picture in the state this test drove it to. */
  private int[] expected() {
    int[] px = new int[W * H];
    java.util.Arrays.fill(px, 0x202830);
    for (int i = 0; i < 3; i++) {
      fill(px, 20 + 100 * i, 20, 80, 80, lit[i] ? LIT[i] : DIM[i]);
    }
    for (int i = 0; i < count; i++) {
      fill(px, 20 + 14 * i, 130, 12, 16, ticks[i]);
    }
    return px;
  }

  private static void fill(int[] px, int x0, int y0, int w, int h, int rgb) {
    for (int y = y0; y < y0 + h; y++) {
      java.util.Arrays.fill(px, y * W + x0, y * W + x0 + w, rgb);
    }
  }

  /** Takes updates until the viewer shows {@code want} exactly; fails with the first difference. */
  private static void awaitPicture(RfbClient viewer, int[] want, String step) throws IOException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Pictures.equal(want, viewer.pixels())) {
      if (System.nanoTime() > deadline) {
        fail(step + ": " + Pictures.firstDifference(want, viewer.pixels(), W));
      }
      viewer.requestUpdate(true);
      viewer.poll(Duration.ofMillis(200));
    }
  }

  @Test
  void theViewerSeesTheExactPixelsAndItsClicksAndKeysChangeThem() throws IOException {
    try (RfbClient viewer = server.client().securityType(1)
        .encodings(RfbNumbers.ENCODING_ZRLE, RfbNumbers.ENCODING_RAW).connect()) {
      assertEquals(W, viewer.serverInit().width());
      assertEquals(H, viewer.serverInit().height());
      viewer.refresh(TIMEOUT);
      // The example keeps its state while the framework runs: read it from the first picture.
      readState(viewer.pixels());
      awaitPicture(viewer, expected(), "the first picture");

      viewer.click(150, 60);
      lit[1] = !lit[1];
      tick(CLICK_TICK);
      awaitPicture(viewer, expected(), "a click on the middle panel");

      viewer.typeKey('a');
      tick(KEY_TICK);
      awaitPicture(viewer, expected(), "a key");

      viewer.click(5, 190);
      tick(CLICK_TICK);
      awaitPicture(viewer, expected(), "a click beside the panels");

      viewer.click(299, 99);
      lit[2] = !lit[2];
      tick(CLICK_TICK);
      awaitPicture(viewer, expected(), "a click on the right panel's last pixel");
    }
  }

  private void tick(int colour) {
    if (count == ticks.length) {
      count = 0;
    }
    ticks[count++] = colour;
  }

  /** Which panels are lit and which ticks are shown, from the pixels a viewer received. */
  private void readState(int[] px) {
    for (int i = 0; i < 3; i++) {
      lit[i] = (px[60 * W + 60 + 100 * i] & 0xFFFFFF) == LIT[i];
    }
    count = 0;
    while (count < ticks.length && (px[138 * W + 26 + 14 * count] & 0xFFFFFF) != 0x202830) {
      ticks[count] = px[138 * W + 26 + 14 * count] & 0xFFFFFF;
      count++;
    }
  }
}
