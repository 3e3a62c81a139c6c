package org.plugvnc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plugvnc.interop.Interop;
import org.plugvnc.interop.RequiredTools;
import org.plugvnc.interop.TestPattern;

/**
 * plugvnc's KAR copied into {@code deploy/} of a Karaf 4.4 that has no Maven repository at all
 * (pax-url's remote repositories empty, an empty local repository): it must install plugvnc from
 * what it carries and serve a viewer the exact test pattern, downloading nothing.
 */
class KarOfflineIT {

  private static final String TEST = "KAR offline";
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final Duration KARAF_READY = Duration.ofSeconds(90);
  private static final Duration PORT_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PICTURE_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> FEATURES = List.of("plugvnc-api", "plugvnc-jna",
      "plugvnc-bouncycastle", "plugvnc-core", "plugvnc-encoders", "plugvnc-encoders-zlib",
      "plugvnc-encoders-tight", "plugvnc-security", "plugvnc-security-vencrypt",
      "plugvnc-security-rsaaes", "plugvnc-credentials-file", "plugvnc-credentials-jaas",
      "plugvnc-clipboard", "plugvnc-capture-virtual", "plugvnc-jmx", "plugvnc-events",
      "plugvnc-commands", "plugvnc-capture-awt", "plugvnc-capture-x11",
      "plugvnc-transport-websocket", "plugvnc-webclient", "plugvnc-transport-unix",
      "plugvnc-transport-reverse");

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
  void theKarInstallsAndStartsPlugvncWithoutAnyRepository() throws IOException {
    long testStart = System.nanoTime();
    Path run = KarafInputs.freshRunDirectory("kar-offline");
    VncPasswordFile password = VncPasswordFile.create(run.resolve("vncpasswd"));
    int port = Interop.freePort();
    KarafInstance karaf = cleanup.add(
        KarafInstance.unpack("kar-offline", KarafInputs.karaf(), run.resolve("karaf")));
    Path localRepository = run.resolve("local-repository");
    karaf.mavenRepositories("", localRepository);
    karaf.configure("org.plugvnc.server", Map.of("port", Integer.toString(port)));
    karaf.configure("org.plugvnc.security.vncauth",
        Map.of("passwordFile", password.file().toString()));
    karaf.configure("org.plugvnc.capture.virtual", Map.of("mode", "test-pattern",
        "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT)));
    karaf.start();
    karaf.console().awaitReady("feature:list -i", KARAF_READY);

    long start = System.nanoTime();
    deploy(KarafInputs.kar(), karaf, run);
    karaf.awaitVncPort(port, PORT_TIMEOUT);
    long accepting = System.nanoTime();
    WatchedViewer.awaitServed(port, password.password(), TestPattern.image(WIDTH, HEIGHT),
        PORT_TIMEOUT);
    KarafReport.line(TEST, "KAR in deploy/ to the VNC port accepting: "
        + (accepting - start) / 1_000_000 + " ms, to a viewer served the exact test pattern: "
        + (System.nanoTime() - start) / 1_000_000 + " ms");

    new KarafState(karaf.console()).awaitStarted(FEATURES, KARAF_READY);
    String kars = karaf.console().run("kar:list");
    assertTrue(kars.contains("plugvnc-features-" + KarafInputs.version()), kars);
    try (Stream<Path> downloaded = Files.list(localRepository)) {
      assertEquals(List.of(), downloaded.toList(), "Karaf downloaded into its local repository");
    }
    KarafReport.line(TEST, "installed " + FEATURES.size() + " features from the KAR alone, the"
        + " viewer got the exact test pattern, nothing downloaded; test time "
        + (System.nanoTime() - testStart) / 1_000_000 + " ms");
  }

  /** Puts the KAR into deploy/ in one step, so that Karaf never sees half a file. */
  private static void deploy(Path kar, KarafInstance karaf, Path run) throws IOException {
    Path staged = Files.copy(kar, run.resolve(kar.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, karaf.deploy().resolve(kar.getFileName()),
        StandardCopyOption.ATOMIC_MOVE);
  }
}
