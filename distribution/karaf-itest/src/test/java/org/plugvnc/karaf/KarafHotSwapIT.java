package org.plugvnc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.interop.ChildProcess;
import org.plugvnc.interop.ImageComparison;
import org.plugvnc.interop.Interop;
import org.plugvnc.interop.RequiredTools;
import org.plugvnc.interop.ScreenWatch;
import org.plugvnc.interop.TestPattern;
import org.plugvnc.interop.TigerVncViewer;
import org.plugvnc.interop.Xvfb;

/**
 * plugvnc installed in Apache Karaf 4.4 as a user installs it, then every plug-in swapped while
 * two real viewers stay connected: the project's client (asking for the whole picture every
 * 300 ms, so every swap happens under traffic) and TigerVNC's {@code vncviewer} under Xvfb.
 *
 * <p>Karaf is the released tar.gz, unpacked fresh, headless ({@code bin/karaf server}); its Maven
 * resolver sees one file repository, the KAR's {@code repository/} unpacked, so nothing is
 * downloaded while the test runs. The server uses VNC Authentication with a password file the
 * test writes, and the virtual desktop's test pattern, so that pixels can be checked exactly.
 *
 * <p>Why Karaf's SSH console and not Pax Exam: Pax Exam (4.14, the newest in Maven Central) runs
 * JUnit 4 tests only, and every other test of the project is JUnit 5; and the console is what a
 * Karaf user types into: {@code feature:install}, {@code bundle:update} or {@code
 * config:property-set} are run as commands, their output and errors read as a person would read
 * them, against Karaf as released, not through services injected into a test bundle.
 *
 * <p>The figures (time from {@code feature:install plugvnc} to the port accepting, swaps done,
 * viewers dropped) go to {@code target/karaf-report.txt}.
 */
class KarafHotSwapIT {

  private static final String TEST = "hot swap";
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  /** The virtual desktop's scrollPixels default. */
  private static final int SCROLL_ROWS = 8;
  private static final int SCROLL_STEPS = 4;
  private static final Duration KARAF_READY = Duration.ofSeconds(90);
  private static final Duration PORT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);

  /** The example application display: not in the usual set, installed on its own. */
  private static final String EXAMPLE = "plugvnc-example-display";
  /** The plug-in families, each a feature and one bundle. */
  private static final Map<String, String> FAMILIES = Map.ofEntries(
      Map.entry("plugvnc-encoders", "org.plugvnc.encoders"),
      Map.entry("plugvnc-encoders-zlib", "org.plugvnc.encoders.zlib"),
      Map.entry("plugvnc-encoders-tight", "org.plugvnc.encoders.tight"),
      Map.entry("plugvnc-security", "org.plugvnc.security"),
      Map.entry("plugvnc-security-vencrypt", "org.plugvnc.security.vencrypt"),
      Map.entry("plugvnc-security-rsaaes", "org.plugvnc.security.rsaaes"),
      Map.entry("plugvnc-credentials-file", "org.plugvnc.credentials.file"),
      Map.entry("plugvnc-credentials-jaas", "org.plugvnc.credentials.jaas"),
      Map.entry("plugvnc-clipboard", "org.plugvnc.clipboard"),
      Map.entry("plugvnc-capture-virtual", "org.plugvnc.capture.virtual"),
      Map.entry("plugvnc-jmx", "org.plugvnc.jmx"),
      Map.entry("plugvnc-events", "org.plugvnc.events"),
      Map.entry("plugvnc-commands", "org.plugvnc.commands"),
      Map.entry("plugvnc-capture-awt", "org.plugvnc.capture.awt"),
      Map.entry("plugvnc-capture-x11", "org.plugvnc.capture.x11"),
      Map.entry("plugvnc-transport-websocket", "org.plugvnc.transport.websocket"),
      Map.entry("plugvnc-webclient", "org.plugvnc.webclient"),
      Map.entry("plugvnc-transport-unix", "org.plugvnc.transport.unix"),
      Map.entry("plugvnc-transport-reverse", "org.plugvnc.transport.reverse"),
      Map.entry(EXAMPLE, "org.plugvnc.example.display"));
  private static final List<String> FAMILY_ORDER = List.of("plugvnc-encoders-tight",
      "plugvnc-encoders-zlib", "plugvnc-encoders", "plugvnc-security", "plugvnc-security-vencrypt",
      "plugvnc-security-rsaaes", "plugvnc-credentials-file",
      "plugvnc-credentials-jaas", "plugvnc-clipboard",
      "plugvnc-capture-virtual", "plugvnc-jmx", "plugvnc-events", "plugvnc-commands",
      "plugvnc-capture-awt", "plugvnc-capture-x11", "plugvnc-transport-websocket",
      "plugvnc-webclient", "plugvnc-transport-unix", "plugvnc-transport-reverse", EXAMPLE);
  /** A Karaf user for the JMX connector (JAAS realm karaf, roles its default ACLs ask for). */
  private static final String JMX_USER = "jmxadmin";
  private static final String JMX_PASSWORD = "jmx-s3cret";
  private static final List<String> UPDATED_BUNDLES = List.of("org.plugvnc.encoders.tight",
      "org.plugvnc.encoders.zlib", "org.plugvnc.encoders", "org.plugvnc.security");

  private final Cleanup cleanup = new Cleanup();
  private final List<String> swaps = new ArrayList<>();
  private KarafInstance karaf;
  private KarafConsole console;
  private KarafState state;
  private WatchedViewer client;
  private ChildProcess tigerVnc;
  private int jmxRegistryPort;
  private int jmxServerPort;

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("Xvfb", "vncviewer", "xwd", "vncpasswd", "tar");
  }

  @AfterEach
  void stopEverything() {
    cleanup.close();
  }

  @Test
  void everyPlugInSwapsWhileViewersStayConnected() throws Exception {
    long testStart = System.nanoTime();
    Path run = KarafInputs.freshRunDirectory("hot-swap");
    VncPasswordFile password = VncPasswordFile.create(run.resolve("vncpasswd"));
    int port = Interop.freePort();
    karaf = startKaraf(run, port, password);
    console = karaf.console();
    state = new KarafState(console);

    installPlugvnc(port);
    RfbClient first = WatchedViewer.connect(port, password.password());
    cleanup.add(first);
    WatchedViewer.awaitPicture(first, TestPattern.image(WIDTH, HEIGHT), PICTURE_TIMEOUT);
    client = cleanup.add(WatchedViewer.watch("client", first));
    Xvfb xvfb = cleanup.add(Xvfb.start(2 * WIDTH, 2 * HEIGHT, artefact("xvfb.log")));
    // -Shared: the server's default share policy would otherwise disconnect the client.
    tigerVnc = cleanup.add(TigerVncViewer.start(xvfb, port, "VncAuth", password.file(),
        artefact("vncviewer.log"), "-Shared"));
    assertScreen(xvfb, TestPattern.image(WIDTH, HEIGHT), "before");
    manageFromTheConsoleJmxAndEvents(port, password);

    try {
      familiesBecomeRootFeatures();
      restartEachPlugInBundle();
      updateEachEncoderAndSecurityBundle();
      reinstallEachPlugInFeature();
      int newPort = changePort(port, password);
      changeSecurityTypes(newPort);
      aSecondDesktopFromItsFile(password);
    } finally {
      reportSwaps();
    }
    assertNull(client.failure(), "the project's client was dropped");
    assertTrue(tigerVnc.isAlive(), "vncviewer exited:\n" + tigerVnc.output());

    // A live change of the desktop after every swap: both viewers must follow it exactly.
    console.run("config:property-set -p org.plugvnc.capture.virtual scrollSteps " + SCROLL_STEPS);
    BufferedImage scrolled = TestPattern.scrolled(WIDTH, HEIGHT, SCROLL_STEPS, SCROLL_ROWS);
    WatchedViewer.awaitPicture(client.stopWatching(), scrolled, PICTURE_TIMEOUT);
    assertScreen(xvfb, scrolled, "after");
    assertTrue(tigerVnc.isAlive(), "vncviewer exited:\n" + tigerVnc.output());
    KarafReport.line(TEST, "both viewers show the scrolled test pattern exactly after the swaps;"
        + " test time " + millis(System.nanoTime() - testStart) + " ms");
  }

  /**
   * Every vnc: command with the two viewers connected, the VNC password changed from the console,
   * a third viewer disconnected from it with its event on EventAdmin, and the same figures over
   * Karaf's JMX connector.
   */
  private void manageFromTheConsoleJmxAndEvents(int port, VncPasswordFile password)
      throws Exception {
    String sessions = console.run("vnc:sessions");
    assertEquals(2, sessions.lines().filter(l -> l.contains("vnc-password")
        && l.contains("VncAuth") && l.contains("Tight")).count(), sessions);
    String desktops = console.run("vnc:desktops");
    assertTrue(desktops.contains("127.0.0.1:" + port) && desktops.contains("virtual")
        && desktops.contains(WIDTH + "x" + HEIGHT), desktops);
    String encoders = console.run("vnc:encoders");
    assertTrue(encoders.contains("ZRLE") && encoders.contains("org.plugvnc.encoders.zlib"), encoders);
    String tight = console.run("vnc:encoders Tight");
    assertTrue(tight.contains("org.plugvnc.encoders.tight"), tight);
    String security = console.run("vnc:security");
    assertTrue(security.lines().anyMatch(l -> l.contains("VncAuth") && l.contains("yes")), security);
    assertTrue(console.run("vnc:backend").contains("virtual"));
    assertTrue(console.run("vnc:backend default virtual").contains("virtual"));
    String refused = console.runExpectingError("vnc:backend default nosuch");
    assertTrue(refused.contains("No backend nosuch"), refused);

    String newPassword = "n3wKaraf";
    String changed = console.runWithInput("vnc:password", newPassword + "\n" + newPassword + "\n");
    assertFalse(changed.contains(newPassword), "the password was echoed:\n" + changed);
    assertTrue(changed.contains(password.file().getFileName().toString()), changed);
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(password.file())));
    try (RfbClient withNew = WatchedViewer.connect(port, newPassword)) {
      withNew.refresh(UPDATE_TIMEOUT);
    }
    assertThrows(RfbSecurityException.class,
        () -> WatchedViewer.connect(port, password.password()).close());
    console.runWithInput("vnc:password", password.password() + "\n" + password.password() + "\n");
    assertFalse(karaf.logContains(newPassword), "the password is in Karaf's log");

    RfbClient third = cleanup.add(WatchedViewer.connect(port, password.password()));
    third.refresh(UPDATE_TIMEOUT);
    long id = KarafTables.rows(console.run("vnc:sessions")).stream()
        .mapToLong(row -> Long.parseLong(row.get(0))).max().orElseThrow();
    String disconnected = console.run("vnc:disconnect " + id + " checked by the Karaf test");
    assertTrue(disconnected.contains("Disconnected session " + id), disconnected);
    assertTrue(third.awaitClose(UPDATE_TIMEOUT), "the third viewer was not disconnected");
    String events = awaitEvent("org/plugvnc/session/DISCONNECTED");
    assertTrue(events.contains("org/plugvnc/session/AUTHENTICATED"), events);

    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + jmxServerPort
        + "/jndi/rmi://127.0.0.1:" + jmxRegistryPort + "/karaf-root");
    try (JMXConnector jmx = JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {JMX_USER, JMX_PASSWORD}))) {
      MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
      ObjectName sessionsBean = new ObjectName("org.plugvnc:type=Sessions");
      long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
      while (!Integer.valueOf(2).equals(mbeans.getAttribute(sessionsBean, "Count"))
          && System.nanoTime() < deadline) {
        sleep(Duration.ofMillis(50));
      }
      assertEquals(2, mbeans.getAttribute(sessionsBean, "Count"), "sessions over JMX");
      CompositeData desktop = ((CompositeData[]) mbeans.getAttribute(
          new ObjectName("org.plugvnc:type=Desktops"), "Desktops"))[0];
      assertEquals("virtual", desktop.get("backend"));
      CompositeData[] encoderBeans = (CompositeData[]) mbeans.getAttribute(
          new ObjectName("org.plugvnc:type=Encoders"), "Encoders");
      assertTrue(List.of(encoderBeans).stream().anyMatch(e -> "Tight".equals(e.get("name"))
          && ((long[]) e.get("sessions")).length == 2), "Tight serves both viewers over JMX");
    }
    KarafReport.line(TEST, "vnc:sessions, desktops, encoders, security, backend, password and"
        + " disconnect checked; the disconnection on EventAdmin; the same figures over Karaf's JMX"
        + " connector");
  }

  /** Karaf's event:display until it shows {@code topic}; returns what it showed. */
  private String awaitEvent(String topic) {
    long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
    String shown;
    do {
      shown = console.run("event:display");
      if (shown.contains(topic)) {
        return shown;
      }
      sleep(Duration.ofMillis(200));
    } while (System.nanoTime() < deadline);
    throw new AssertionError("event:display never showed " + topic + ":\n" + shown);
  }

  private void reportSwaps() {
    int dropped = (client.failure() == null ? 0 : 1) + (tigerVnc.isAlive() ? 0 : 1);
    KarafReport.line(TEST, "swaps done: " + swaps.size() + " (" + String.join("; ", swaps) + ")");
    KarafReport.line(TEST, "viewers dropped: " + dropped + " of 2 (the project's client, "
        + client.updates() + " updates received"
        + (client.failure() == null ? "" : ", dropped: " + client.failure())
        + "; TigerVNC's vncviewer" + (tigerVnc.isAlive() ? "" : ", exited") + ")");
  }

  private KarafInstance startKaraf(Path run, int port, VncPasswordFile password) {
    KarafInstance karaf =
        cleanup.add(KarafInstance.unpack("hot-swap", KarafInputs.karaf(), run.resolve("karaf")));
    Path repository = KarafInputs.repositoryFromKar(run.resolve("maven-repository"));
    karaf.mavenRepositories(repository.toUri() + "@id=plugvnc@snapshots",
        run.resolve("local-repository"));
    karaf.configure("org.plugvnc.server", Map.of("port", Integer.toString(port),
        "securityTypes", "VncAuth"));
    karaf.configure("org.plugvnc.security.vncauth",
        Map.of("passwordFile", password.file().toString()));
    karaf.configure("org.plugvnc.capture.virtual", Map.of("mode", "test-pattern",
        "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT)));
    jmxRegistryPort = Interop.freePort();
    jmxServerPort = Interop.freePort();
    Path management = karaf.etc().resolve("org.apache.karaf.management.cfg");
    PropertiesFile.set(management, "rmiRegistryPort", Integer.toString(jmxRegistryPort));
    PropertiesFile.set(management, "rmiServerPort", Integer.toString(jmxServerPort));
    PropertiesFile.append(karaf.etc().resolve("users.properties"),
        JMX_USER + " = " + JMX_PASSWORD + ",admin,manager,viewer,systembundles");
    karaf.start();
    karaf.console().awaitReady("feature:list -i", KARAF_READY);
    return karaf;
  }

  /**
   * feature:repo-add and feature:install plugvnc, timed to the port accepting. The install
   * refreshes Karaf's shell once (JLine takes up JNA), closing the console session; the install
   * goes on.
   */
  private void installPlugvnc(int port) {
    console.run("feature:repo-add mvn:org.plugvnc/plugvnc-features/" + KarafInputs.version()
        + "/xml/features");
    long start = System.nanoTime();
    console.runAcrossShellRefresh("feature:install plugvnc");
    karaf.awaitVncPort(port, PORT_TIMEOUT);
    console.awaitReady("feature:list -i", KARAF_READY);
    console.run("feature:install " + EXAMPLE);
    KarafReport.line(TEST, "feature:install plugvnc to the VNC port accepting: "
        + millis(System.nanoTime() - start) + " ms");
    console.awaitReady("feature:list -i", KARAF_READY);
    List<String> installed = new ArrayList<>(List.of("plugvnc", "plugvnc-core", "plugvnc-jna",
        "plugvnc-api"));
    installed.addAll(FAMILIES.keySet());
    state.awaitStarted(installed, KARAF_READY);
  }

  /**
   * Karaf refuses to uninstall a family installed only through the umbrella; installed as
   * features of their own, with the umbrella removed, nothing changes for the viewers.
   */
  private void familiesBecomeRootFeatures() {
    String refusal = console.runExpectingError("feature:uninstall plugvnc-encoders-tight");
    assertTrue(refusal.contains("is not installed"), refusal);
    assertEquals("Active", state.bundle("org.plugvnc.encoders.tight").state());
    KarafReport.line(TEST, "feature:uninstall plugvnc-encoders-tight after feature:install"
        + " plugvnc: refused (" + refusal.strip() + "), its bundle stays Active");
    console.run("feature:install plugvnc-core " + String.join(" ", FAMILY_ORDER));
    console.run("feature:uninstall plugvnc");
    Map<String, Boolean> required = state.rootFeatures();
    FAMILIES.keySet().forEach(f -> assertTrue(required.get(f), f + " is not a root feature"));
    assertFalse(required.containsKey("plugvnc"), "plugvnc is still installed");
    swapped("families made root features, umbrella uninstalled");
  }

  private void restartEachPlugInBundle() {
    for (String family : FAMILY_ORDER) {
      String name = FAMILIES.get(family);
      long id = state.bundle(name).id();
      console.run("bundle:stop " + id);
      assertEquals("Resolved", state.bundle(name).state(), name + " after bundle:stop");
      awaitTightGoneIf(family);
      console.run("bundle:start " + id);
      state.awaitActive(name, UPDATE_TIMEOUT);
      awaitTightBackIf(family);
      swapped("bundle:stop/start " + name);
    }
  }

  private void updateEachEncoderAndSecurityBundle() {
    for (String name : UPDATED_BUNDLES) {
      console.run("bundle:update " + state.bundle(name).id());
      state.awaitActive(name, UPDATE_TIMEOUT);
      swapped("bundle:update " + name);
    }
  }

  private void reinstallEachPlugInFeature() {
    for (String family : FAMILY_ORDER) {
      String name = FAMILIES.get(family);
      console.run("feature:uninstall " + family);
      assertFalse(state.bundles().containsKey(name), name + " is still installed");
      awaitTightGoneIf(family);
      console.run("feature:install " + family);
      state.awaitActive(name, UPDATE_TIMEOUT);
      awaitTightBackIf(family);
      swapped("feature:uninstall/install " + family);
    }
  }

  /** A new port accepts new viewers with the same picture; the old one closes. */
  private int changePort(int oldPort, VncPasswordFile password) throws IOException {
    int newPort = Interop.freePort();
    console.run("config:property-set -p org.plugvnc.server port " + newPort);
    RfbPort.awaitAccepting(newPort, PORT_TIMEOUT);
    RfbPort.awaitRefused(oldPort, PORT_TIMEOUT);
    try (RfbClient fresh = WatchedViewer.connect(newPort, password.password())) {
      WatchedViewer.awaitPicture(fresh, TestPattern.image(WIDTH, HEIGHT), PICTURE_TIMEOUT);
    }
    swapped("config:property-set port " + oldPort + " -> " + newPort);
    return newPort;
  }

  /**
   * A second desktop from {@code etc/org.plugvnc.desktop-second.cfg}, as fileinstall reads it: the
   * console lists it, a viewer on its port sees the same virtual desktop; deleting the file closes
   * it and its viewer, and the two viewers of the first desktop never notice.
   */
  private void aSecondDesktopFromItsFile(VncPasswordFile password) throws IOException {
    int secondPort = Interop.freePort();
    Path file = karaf.etc().resolve("org.plugvnc.desktop-second.cfg");
    Files.writeString(file, "port = " + secondPort + "\nsecurityTypes = VncAuth\n");
    RfbPort.awaitAccepting(secondPort, PORT_TIMEOUT);
    String desktops = console.run("vnc:desktops");
    assertTrue(desktops.contains("second") && desktops.contains("127.0.0.1:" + secondPort),
        desktops);
    RfbClient other = WatchedViewer.connect(secondPort, password.password());
    try {
      assertEquals("plugvnc second", other.serverInit().name());
      WatchedViewer.awaitPicture(other, TestPattern.image(WIDTH, HEIGHT), PICTURE_TIMEOUT);
      Files.delete(file);
      assertTrue(other.awaitClose(PORT_TIMEOUT), "the second desktop's viewer was not closed");
      RfbPort.awaitRefused(secondPort, PORT_TIMEOUT);
    } finally {
      other.close();
    }
    swapped("org.plugvnc.desktop-second.cfg written, then deleted");
  }

  /** None offered to new viewers next to VncAuth, then no longer. */
  private void changeSecurityTypes(int port) {
    console.run("config:property-set -p org.plugvnc.server securityTypes \"None,VncAuth\"");
    awaitOffered(port, List.of(RfbNumbers.SECURITY_NONE, RfbNumbers.SECURITY_VNC_AUTH));
    swapped("config:property-set securityTypes None,VncAuth");
    console.run("config:property-set -p org.plugvnc.server securityTypes VncAuth");
    awaitOffered(port, List.of(RfbNumbers.SECURITY_VNC_AUTH));
    swapped("config:property-set securityTypes VncAuth");
  }

  /**
   * The client lists Tight first: while the Tight family is away its updates come in another
   * encoding (ZRLE, listed next), and in Tight again once it is back.
   */
  private void awaitTightGoneIf(String family) {
    if (family.equals("plugvnc-encoders-tight")) {
      client.awaitUpdateEncoded(e -> !e.isEmpty() && !e.contains(RfbNumbers.ENCODING_TIGHT),
          "without Tight", UPDATE_TIMEOUT);
    }
  }

  private void awaitTightBackIf(String family) {
    if (family.equals("plugvnc-encoders-tight")) {
      client.awaitUpdateEncoded(e -> e.contains(RfbNumbers.ENCODING_TIGHT), "in Tight",
          UPDATE_TIMEOUT);
    }
  }

  /** Records a swap once both viewers are still there and the client got a newer update. */
  private void swapped(String what) {
    client.awaitUpdatesBeyond(client.updates(), UPDATE_TIMEOUT);
    assertTrue(tigerVnc.isAlive(), "vncviewer exited after " + what + ":\n" + tigerVnc.output());
    swaps.add(what);
  }

  private void awaitOffered(int port, List<Integer> expected) {
    long deadline = System.nanoTime() + PORT_TIMEOUT.toNanos();
    List<Integer> offered;
    do {
      offered = RfbPort.offeredSecurityTypes(port);
      if (offered.equals(expected)) {
        return;
      }
      sleep(Duration.ofMillis(100));
    } while (System.nanoTime() < deadline);
    throw new AssertionError("new viewers are offered " + offered + ", expected " + expected);
  }

  private void assertScreen(Xvfb xvfb, BufferedImage expected, String when) {
    ImageComparison.Result result = ScreenWatch.awaitPicture(xvfb, expected, 0, 1.0,
        PICTURE_TIMEOUT, tigerVnc, artefact("vncviewer-" + when + ".png"));
    assertTrue(result.exact(), "vncviewer " + when + " the swaps: " + result);
  }

  private static Path artefact(String name) {
    return Interop.artefacts().resolve("karaf-hot-swap-" + name);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
