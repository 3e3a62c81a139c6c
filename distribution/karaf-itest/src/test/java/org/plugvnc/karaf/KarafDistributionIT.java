package org.plugvnc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plugvnc.interop.Interop;
import org.plugvnc.interop.RequiredTools;
import org.plugvnc.interop.TestPattern;

/**
 * The plugvnc Karaf distribution (distribution/karaf): unpacked, started with its
 * {@code bin/karaf}, it must serve a viewer the exact test pattern with nothing but what it
 * carries (no Maven repository), and stop cleanly with {@code bin/stop}.
 */
class KarafDistributionIT {

  private static final String TEST = "distribution";
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> BOOT_FEATURES = List.of("plugvnc-core", "plugvnc-encoders",
      "plugvnc-encoders-zlib", "plugvnc-encoders-tight", "plugvnc-security",
      "plugvnc-security-vencrypt", "plugvnc-security-rsaaes", "plugvnc-credentials-file",
      "plugvnc-credentials-jaas", "plugvnc-transport-websocket", "plugvnc-webclient",
      "plugvnc-transport-unix", "plugvnc-transport-reverse",
      "plugvnc-clipboard", "plugvnc-capture-virtual", "plugvnc-jmx", "plugvnc-events",
      "plugvnc-commands", "plugvnc-capture-awt", "plugvnc-capture-x11", "ssh", "management", "eventadmin");

  private final Cleanup cleanup = new Cleanup();

  @BeforeAll
  static void requireTools() {
    RequiredTools.require("vncpasswd", "tar");
  }

  @AfterEach
  void stopEverything() {
    cleanup.close();
  }

  @Test
  void bootsServesAViewerAndStopsCleanly() throws IOException {
    long testStart = System.nanoTime();
    String shellConfig = fromArchive("etc/org.apache.karaf.shell.cfg");
    assertTrue(shellConfig.lines().anyMatch(l -> l.replace(" ", "").equals("sshHost=127.0.0.1")),
        "the distribution's SSH is not bound to 127.0.0.1:\n" + shellConfig);

    Path run = KarafInputs.freshRunDirectory("distribution");
    VncPasswordFile password = VncPasswordFile.create(run.resolve("vncpasswd"));
    int port = Interop.freePort();
    KarafInstance karaf = cleanup.add(KarafInstance.unpack("distribution",
        KarafInputs.distribution(), run.resolve("karaf")));
    karaf.mavenRepositories("", run.resolve("local-repository"));
    karaf.configure("org.plugvnc.server", Map.of("port", Integer.toString(port)));
    karaf.configure("org.plugvnc.security.vncauth",
        Map.of("passwordFile", password.file().toString()));
    karaf.configure("org.plugvnc.capture.virtual", Map.of("mode", "test-pattern",
        "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT)));

    long start = System.nanoTime();
    karaf.start();
    karaf.awaitVncPort(port, BOOT_TIMEOUT);
    KarafReport.line(TEST, "bin/karaf server to the VNC port accepting: "
        + (System.nanoTime() - start) / 1_000_000 + " ms");

    // Again and again: the port may open before the virtual desktop has its configured size, and
    // a viewer that came too early is closed on the resize (it lists no DesktopSize).
    Duration served = WatchedViewer.awaitServed(port, password.password(),
        TestPattern.image(WIDTH, HEIGHT), PICTURE_TIMEOUT);
    KarafReport.line(TEST, "port accepting to a viewer served the exact test pattern: "
        + served.toMillis() + " ms");
    karaf.console().awaitReady("feature:list -i", BOOT_TIMEOUT);
    Map<String, Boolean> required = new KarafState(karaf.console()).rootFeatures();
    BOOT_FEATURES.forEach(f -> assertEquals(true, required.get(f), f + " in " + required));

    long stop = System.nanoTime();
    assertEquals(0, karaf.stop(STOP_TIMEOUT), "Karaf's exit status after bin/stop");
    assertTrue(karaf.logContains("plugvnc: stopped listening"),
        "the engine was not deactivated:\n" + karaf.logTail(40));
    KarafReport.line(TEST, "served the exact test pattern; bin/stop to exit "
        + (System.nanoTime() - stop) / 1_000_000 + " ms, exit status 0; test time "
        + (System.nanoTime() - testStart) / 1_000_000 + " ms");
  }

  /** One file of the distribution's tar.gz, as shipped (before the test edits anything). */
  private static String fromArchive(String path) throws IOException {
    Path archive = KarafInputs.distribution();
    String top = "plugvnc-karaf-" + KarafInputs.version() + "/";
    Process tar = new ProcessBuilder("tar", "-xzOf", archive.toString(), top + path).start();
    try {
      String text = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tar.waitFor(30, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new AssertionError("no " + top + path + " in " + archive);
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
