package org.plugvnc.itest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * The X11 backend through the whole server, as a viewer uses it: keys and clicks a viewer sends
 * reach a real X client ({@code xev}), clipboard text goes both ways between a viewer and real X
 * clients ({@code xclip}), and with {@code onServerLost=close} a killed X server closes the
 * viewers of its desktop through the engine.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class X11InteractionTest {

  private static final Duration WAIT = X11CaptureTest.WAIT;

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  private XvfbDisplay x;
  private Configuration backendConfig;
  private Process xev;

  @AfterEach
  void tearDown() throws Exception {
    if (xev != null) {
      xev.destroyForcibly();
    }
    if (backendConfig != null) {
      backendConfig.delete();
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end && !context.getServiceReferences(CaptureBackend.class,
          "(plugvnc.x11.display=" + x.display() + ")").isEmpty()) {
        Thread.sleep(20);
      }
    }
    if (x != null) {
      x.close();
    }
  }

  @Test
  void keysAndClicksFromAViewerReachAnXClient() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    List<String> seen = startXev();
    try (RfbClient viewer = connect(serve(Map.of()))) {
      viewer.refresh(WAIT);
      viewer.pointerEvent(0, 100, 100); // into xev's window: the focus follows the pointer
      viewer.typeKey('q');
      viewer.typeKey('Q');
      viewer.click(120, 110);
      viewer.pointerEvent(1 << 3, 120, 110); // the wheel: button 4
      viewer.pointerEvent(0, 120, 110);
      awaitLine(seen, "keysym 0x71, q");
      awaitLine(seen, "keysym 0x51, Q");
      awaitLine(seen, "button 1,");
      awaitLine(seen, "button 4,");
    }
  }

  @Test
  void clipboardTextGoesBothWaysBetweenAViewerAndXClients() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    try (RfbClient viewer = connect(serve(Map.of()))) {
      viewer.refresh(WAIT);
      // RFB's cut text is Latin-1: accented letters pass, other scripts need ExtendedClipboard.
      viewer.clientCutText("Grüße aus plugvnc");
      awaitXClipboard("clipboard", "Grüße aus plugvnc");
      awaitXClipboard("primary", "Grüße aus plugvnc");

      assertEquals(0, x.run("sh", "-c", "printf 'ça marche, à bientôt' | xclip -selection clipboard -i"));
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end && !"ça marche, à bientôt".equals(viewer.lastServerCutText())) {
        viewer.refresh(WAIT);
      }
      assertEquals("ça marche, à bientôt", viewer.lastServerCutText(), "the X clipboard reached the viewer");
    }
  }

  @Test
  void aKilledXServerClosesItsViewersWhenConfiguredTo() throws Exception {
    x = XvfbDisplay.start(320, 240, 24);
    try (RfbClient viewer = connect(serve(Map.of("onServerLost", "close")))) {
      viewer.refresh(WAIT);
      x.kill();
      assertTrue(viewer.awaitClose(WAIT), "the viewer was closed when the X server went away");
    }
  }

  private ServerFixture serve(Map<String, Object> extra) throws Exception {
    Map<String, Object> props = new HashMap<>(Map.of("display", x.display(), "pollMillis", 10,
        "reconnectMinMillis", 100, "reconnectMaxMillis", 500));
    props.putAll(extra);
    backendConfig = cm.getFactoryConfiguration(X11CaptureTest.PID, "interaction", "?");
    backendConfig.update(new Hashtable<>(props));
    long end = System.nanoTime() + WAIT.toNanos();
    while (context.getServiceReferences(CaptureBackend.class,
        "(&(plugvnc.backend=x11)(plugvnc.x11.display=" + x.display() + "))").isEmpty()) {
      if (System.nanoTime() > end) {
        fail("no X11 backend registered for " + x.display());
      }
      Thread.sleep(50);
    }
    return ServerFixture.start(cm, "None", Map.of("backend", "x11"));
  }

  private static RfbClient connect(ServerFixture server) throws IOException {
    return server.client().securityType(1)
        .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR).connect();
  }

  /** xev with a window over most of the screen; its output lines, as they come. */
  private List<String> startXev() throws Exception {
    xev = x.watch("stdbuf", "-oL", "xev", "-geometry", "300x220+0+0");
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(xev.getInputStream(), UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // xev ended
      }
    }, "xev-output");
    reader.setDaemon(true);
    reader.start();
    awaitLine(lines, "MapNotify");
    return lines;
  }

  private static void awaitLine(List<String> lines, String part) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (lines.stream().noneMatch(l -> l.contains(part))) {
      if (System.nanoTime() > end) {
        fail("xev never printed \"" + part + "\"; it printed " + lines.size() + " lines");
      }
      Thread.sleep(20);
    }
  }

  private void awaitXClipboard(String selection, String expected) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    String got = "";
    while (System.nanoTime() < end) {
      got = x.output("xclip", "-selection", selection, "-o");
      if (got.equals(expected)) {
        return;
      }
      Thread.sleep(50);
    }
    fail("xclip -selection " + selection + " -o gave \"" + got + "\", not \"" + expected + "\"");
  }
}
