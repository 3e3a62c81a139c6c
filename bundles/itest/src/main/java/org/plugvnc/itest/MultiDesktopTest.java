package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.HEIGHT;
import static org.plugvnc.itest.ServerFixture.PASSWORD;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;
import static org.plugvnc.itest.ServerFixture.WIDTH;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;

/**
 * Two desktops in one server, each configured on its own: the server's own (the virtual test
 * pattern) and one from a factory configuration {@code org.plugvnc.desktop~NAME} showing a backend
 * registered by this test, with its own port and password file. Each desktop's viewers see and
 * control only it; its configuration changes and its backend swaps touch only its viewers.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class MultiDesktopTest {

  private static final String SECOND = "second";
  private static final String SECOND_PASSWORD = "2nd-desk";
  private static final int SECOND_WIDTH = 200;
  private static final int SECOND_HEIGHT = 120;

  @InjectService
  ConfigurationAdmin cm;

  @InjectService
  VncManagement management;

  @InjectBundleContext
  BundleContext context;

  private final SolidBackend teal = new SolidBackend(0x008080, SECOND_WIDTH, SECOND_HEIGHT);
  private final SolidBackend amber = new SolidBackend(0xFFBF00, SECOND_WIDTH, SECOND_HEIGHT);
  private final List<ServiceRegistration<CaptureBackend>> registrations = new ArrayList<>();
  private final List<RfbClient> viewers = new ArrayList<>();
  private ServerFixture server;
  private Configuration second;
  private int secondPort;

  @BeforeEach
  void twoDesktops() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    registrations.add(register("teal", teal));
    registrations.add(register("amber", amber));
    Path dir = Files.createTempDirectory("plugvnc-second");
    Path passwd = dir.resolve("passwd");
    Files.createFile(passwd,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(passwd, VncPasswordFiles.encode(SECOND_PASSWORD, "second-watch"));
    secondPort = freePort();
    second = cm.getFactoryConfiguration("org.plugvnc.desktop", SECOND, "?");
    second.update(new Hashtable<>(Map.of("port", secondPort, "backend", "teal",
        "securityTypes", "VncAuth", "passwordFile", passwd.toString(),
        "sharePolicy", "SHARED", "desktopName", "the second desktop")));
    awaitListening(secondPort);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (RfbClient v : viewers) {
      v.close();
    }
    if (second != null) {
      second.delete();
    }
    registrations.forEach(ServiceRegistration::unregister);
  }

  @Test
  void eachDesktopsViewersSeeAndControlOnlyIt() throws Exception {
    RfbClient own = viewer(server.port, PASSWORD);
    RfbClient other = viewer(secondPort, SECOND_PASSWORD);
    assertEquals("the second desktop", other.serverInit().name());
    assertEquals(SECOND_WIDTH, other.serverInit().width());
    own.refresh(TIMEOUT);
    other.refresh(TIMEOUT);
    assertArrayEquals(pattern(), own.pixels(), "the server's own desktop shows the test pattern");
    assertArrayEquals(teal.picture(), other.pixels(), "the second desktop shows its backend");

    // Each desktop checks its own password file.
    assertThrows(RfbSecurityException.class, () -> viewer(secondPort, PASSWORD));
    assertThrows(RfbSecurityException.class, () -> viewer(server.port, SECOND_PASSWORD));

    // Keys go to the desktop of the viewer that typed them, and nowhere else.
    other.typeKey('q');
    await(() -> teal.keysyms.contains((int) 'q'), "the second desktop's backend got the key");
    own.refresh(TIMEOUT);
    assertArrayEquals(pattern(), own.pixels(), "the virtual desktop saw no key");

    // Clipboard: a viewer's text reaches its desktop's backend and the desktop's other viewers;
    // the backend's text reaches its viewers; the other desktop's viewers see neither.
    RfbClient otherToo = viewer(secondPort, SECOND_PASSWORD);
    other.clientCutText("from a viewer of the second desktop");
    await(() -> teal.clipboard.contains("from a viewer of the second desktop"), "the backend");
    awaitCutText(otherToo, "from a viewer of the second desktop");
    teal.clipboardChangedHere("from the second desktop itself");
    awaitCutText(other, "from the second desktop itself");
    awaitCutText(otherToo, "from the second desktop itself");
    own.refresh(TIMEOUT);
    assertEquals(null, own.lastServerCutText(), "the own desktop's viewer got no clipboard text");

    // Management sees both desktops and which one each session is on.
    List<DesktopInfo> desktops = management.desktops();
    assertEquals(List.of("default", SECOND), desktops.stream().map(DesktopInfo::id).toList());
    DesktopInfo secondInfo = desktops.get(1);
    assertEquals(List.of("127.0.0.1:" + secondPort), secondInfo.listening());
    assertEquals("teal", secondInfo.backend());
    assertEquals(2, secondInfo.sessions());
    assertEquals(2, management.sessions().stream()
        .filter(s -> s.desktop().equals(SECOND)).count());
    assertEquals(1, management.sessions().stream().map(SessionInfo::desktop)
        .filter("default"::equals).count());
  }

  @Test
  void aBackendSwapShowsBothViewersTheNewSourceAndTouchesNoOtherDesktop() throws Exception {
    RfbClient own = viewer(server.port, PASSWORD);
    RfbClient first = viewer(secondPort, SECOND_PASSWORD);
    RfbClient secondViewer = viewer(secondPort, SECOND_PASSWORD);
    first.refresh(TIMEOUT);
    secondViewer.refresh(TIMEOUT);
    own.refresh(TIMEOUT);
    long ownUpdates = own.updateCount();

    // The operator switches the second desktop to amber: same size, a full refresh.
    management.setBackend(SECOND, "amber");
    awaitPicture(first, amber.picture(), "after the swap to amber");
    awaitPicture(secondViewer, amber.picture(), "after the swap to amber");

    // The configuration switches it to the virtual desktop: another size, DesktopSize.
    second.update(withBackend("virtual"));
    awaitSize(first, WIDTH, HEIGHT);
    awaitSize(secondViewer, WIDTH, HEIGHT);
    awaitPicture(first, pattern(), "after the swap to the virtual desktop");
    awaitPicture(secondViewer, pattern(), "after the swap to the virtual desktop");

    // Back to teal, then teal's bundle goes: the viewers fall back and stay.
    second.update(withBackend("teal"));
    awaitPicture(first, teal.picture(), "after the swap back to teal");
    registrations.remove(0).unregister();
    awaitSize(first, WIDTH, HEIGHT);
    assertFalse(first.isClosed(), "the viewer stays when its backend goes");

    // None of it reached the server's own desktop.
    own.refresh(TIMEOUT);
    assertEquals(WIDTH, own.width());
    assertArrayEquals(pattern(), own.pixels());
    assertEquals(ownUpdates + 1, own.updateCount(), "only the update it asked for");

    // Deleting the configuration closes that desktop and its viewers only.
    second.delete();
    second = null;
    assertTrue(first.awaitClose(TIMEOUT), "the second desktop's viewer is closed");
    assertTrue(secondViewer.awaitClose(TIMEOUT));
    awaitRefused(secondPort);
    own.refresh(TIMEOUT);
    assertArrayEquals(pattern(), own.pixels(), "the own desktop's viewer stays");
  }

  @Test
  void aViewerStillAuthenticatingOnARemovedDesktopIsClosedAtOnce() throws Exception {
    try (Socket half = new Socket()) {
      half.connect(new InetSocketAddress("127.0.0.1", secondPort), 2000);
      half.setSoTimeout(20_000); // below the 30 s handshake timeout
      InputStream in = half.getInputStream();
      byte[] version = in.readNBytes(12);
      assertEquals("RFB 003.008\n", new String(version, StandardCharsets.US_ASCII));
      half.getOutputStream().write(version);
      half.getOutputStream().write(2); // VncAuth, then the challenge, which it never answers
      byte[] offerAndChallenge = in.readNBytes(2 + 16);
      assertEquals(18, offerAndChallenge.length, "offer and challenge arrived");

      long start = System.nanoTime();
      second.delete();
      second = null;
      assertEquals(-1, in.read(), "the connection was closed, not left to its handshake timeout");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 10_000, "closed " + millis + " ms after the desktop was removed");
    }
  }

  @Test
  void theServersOwnDesktopTurnedOffLeavesTheOthersServing() throws Exception {
    RfbClient own = viewer(server.port, PASSWORD);
    RfbClient other = viewer(secondPort, SECOND_PASSWORD);
    other.refresh(TIMEOUT);
    server.update("org.plugvnc.server", Map.of("port", server.port, "securityTypes", "VncAuth",
        "enabled", false));
    assertTrue(own.awaitClose(TIMEOUT), "the own desktop's viewer is closed");
    awaitRefused(server.port);
    other.refresh(TIMEOUT);
    assertArrayEquals(teal.picture(), other.pixels(), "the second desktop serves on");
    assertEquals(List.of(SECOND), management.desktops().stream().map(DesktopInfo::id).toList());
    ServerFixture.start(cm, "VncAuth", Map.of()); // on again, for the tests that follow
  }

  private Hashtable<String, Object> withBackend(String backend) {
    Hashtable<String, Object> p = new Hashtable<>();
    var e = second.getProperties().keys();
    while (e.hasMoreElements()) {
      String k = e.nextElement();
      p.put(k, second.getProperties().get(k));
    }
    p.put("backend", backend);
    return p;
  }

  private ServiceRegistration<CaptureBackend> register(String name, CaptureBackend b) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(CaptureBackend.PROPERTY_NAME, name);
    props.put("service.ranking", -100);
    return context.registerService(CaptureBackend.class, b, props);
  }

  private RfbClient viewer(int port, String password) throws IOException {
    RfbClient c = RfbClient.builder().host("127.0.0.1").port(port).readTimeout(TIMEOUT)
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(password).shared(true)
        .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_DESKTOP_SIZE).connect();
    viewers.add(c);
    return c;
  }

  private static int[] pattern() {
    int[] p = new int[WIDTH * HEIGHT];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        p[y * WIDTH + x] = ServerFixture.pattern(x, y, WIDTH, HEIGHT);
      }
    }
    return p;
  }

  private static void awaitPicture(RfbClient c, int[] expected, String when) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      c.refresh(TIMEOUT);
      if (c.pixels().length == expected.length && Pictures.equal(expected, c.pixels())) {
        return;
      }
    }
    fail("the viewer did not show the expected picture " + when);
  }

  private static void awaitSize(RfbClient c, int width, int height) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end && (c.width() != width || c.height() != height)) {
      c.refresh(TIMEOUT);
    }
    assertEquals(width + "x" + height, c.width() + "x" + c.height(), "the viewer's size");
  }

  private static void awaitCutText(RfbClient c, String text) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end && !text.equals(c.lastServerCutText())) {
      c.refresh(TIMEOUT);
    }
    assertEquals(text, c.lastServerCutText());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("not within " + TIMEOUT + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  private static void awaitListening(int port) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    fail("nothing listens on " + port);
  }

  private static void awaitRefused(int port) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        Thread.sleep(50);
      } catch (IOException e) {
        return;
      }
    }
    fail("port " + port + " still accepts");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
