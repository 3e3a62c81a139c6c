package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.client.RfbClient;

/** The built jar as a user runs it: start-up, configuration, command line, stop. */
class LauncherIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path home;

  private static ChildProcess startJar(String logName, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Interop.distributionJar().toString()));
    command.addAll(List.of(args));
    return ChildProcess.start("plugvnc", command, Map.of(), Interop.artefacts().resolve(logName));
  }

  @Test
  void sigtermStopsTheFrameworkAndTheServer() {
    try (PlugvncServer server = PlugvncServer.in(home).securityTypes("None").start("launcher-sigterm.log")) {
      assertEquals("RFB 003.008\n", readProtocolVersion(server.port()));

      server.process().terminate();
      int exit = server.process().awaitExit(Duration.ofSeconds(20));

      String output = server.output();
      assertEquals(143, exit, "exit code after SIGTERM; output:\n" + output);
      assertTrue(output.contains("org.plugvnc.launcher - stopped"), output);
      assertTrue(output.contains("stopped listening"), "the engine was not deactivated:\n" + output);
    }
  }

  @Test
  void configurationChangesApplyWhileRunning() throws IOException {
    try (PlugvncServer server = PlugvncServer.in(home).securityTypes("None").start("launcher-live.log")) {
      int newPort = Interop.freePort();

      Files.writeString(home.resolve("etc/org.plugvnc.server.cfg"),
          "port = " + newPort + "\nsecurityTypes = None\n");

      server.process().awaitLine(PlugvncServer.LISTENING + " 127.0.0.1:" + newPort, TIMEOUT);
      assertEquals("RFB 003.008\n", readProtocolVersion(newPort));
    }
  }

  /**
   * A second desktop from its own file, as fileinstall reads it: listening on its own port with its
   * own name, showing the same virtual desktop (started once for both); deleting the file closes
   * that desktop and leaves the first one serving.
   */
  @Test
  void aSecondDesktopComesAndGoesWithItsFile() throws IOException {
    try (PlugvncServer server = PlugvncServer.in(home).securityTypes("None").testPattern(160, 120)
        .start("launcher-second-desktop.log")) {
      int secondPort = Interop.freePort();
      Path file = home.resolve("etc/org.plugvnc.desktop-second.cfg");
      Files.writeString(file, "port = " + secondPort + "\nsecurityTypes = None\n");
      server.process().awaitLine(PlugvncServer.LISTENING + " 127.0.0.1:" + secondPort, TIMEOUT);
      try (RfbClient first = viewer(server.port()); RfbClient second = viewer(secondPort)) {
        assertEquals("plugvnc", first.serverInit().name());
        assertEquals("plugvnc second", second.serverInit().name());
        first.refresh(TIMEOUT);
        second.refresh(TIMEOUT);
        assertTrue(java.util.Arrays.equals(TestPattern.image(160, 120).getRGB(0, 0, 160, 120,
            null, 0, 160), withAlpha(second.pixels())), "the second desktop's picture");
        assertTrue(java.util.Arrays.equals(first.pixels(), second.pixels()), "the same backend");

        Files.delete(file);
        assertTrue(second.awaitClose(TIMEOUT), "the second desktop's viewer is closed");
        first.refresh(TIMEOUT);
        assertEquals(160, first.width(), "the first desktop's viewer stays");
      }
    }
  }

  private static RfbClient viewer(int port) throws IOException {
    return RfbClient.builder().host("127.0.0.1").port(port).readTimeout(TIMEOUT)
        .securityType(1).shared(true).encodings(0).connect();
  }

  private static int[] withAlpha(int[] rgb) {
    int[] argb = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      argb[i] = 0xFF000000 | rgb[i];
    }
    return argb;
  }

  @Test
  void firstRunWritesTheCommentedExampleConfiguration() throws IOException {
    try (ChildProcess launcher = startJar("launcher-first-run.log", "--home", home.toString())) {
      launcher.awaitLine("org.plugvnc.launcher - framework started", TIMEOUT);
    }

    try (JarFile jar = new JarFile(Interop.distributionJar().toFile())) {
      List<String> examples = jar.stream().map(e -> e.getName())
          .filter(name -> name.startsWith("etc/")
              && (name.endsWith(".cfg") || name.endsWith(".cfg.example"))).toList();
      assertTrue(examples.contains("etc/org.plugvnc.server.cfg"), examples.toString());
      // What runs only once configured comes as .cfg.example, which fileinstall ignores.
      assertTrue(examples.contains("etc/org.plugvnc.capture.x11.cfg.example"), examples.toString());
      for (String example : examples) {
        Path written = home.resolve(example);
        assertTrue(Files.isRegularFile(written), written + " was not written");
        try (InputStream in = jar.getInputStream(jar.getJarEntry(example))) {
          assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8),
              Files.readString(written), written.toString());
        }
      }
    }
    assertTrue(Files.isDirectory(home.resolve("data/felix-cache")));
  }

  @Test
  void aBadCommandLineExitsWithTwoAndTheUsage() {
    try (ChildProcess launcher = startJar("launcher-bad-args.log", "--bogus")) {
      int exit = launcher.awaitExit(TIMEOUT);

      assertEquals(2, exit, launcher.output());
      assertTrue(launcher.output().contains("unknown argument: --bogus"), launcher.output());
      assertTrue(launcher.output().contains("Usage:"), launcher.output());
    }
  }

  @Test
  void anUnusableHomeExitsWithOneAndSaysWhy() throws IOException {
    Path notADirectory = Files.writeString(home.resolve("file"), "in the way");

    try (ChildProcess launcher = startJar("launcher-bad-home.log", "--home", notADirectory.toString())) {
      int exit = launcher.awaitExit(TIMEOUT);

      assertEquals(1, exit, launcher.output());
      assertTrue(launcher.output().contains("plugvnc did not start"), launcher.output());
      assertTrue(launcher.output().contains(notADirectory.toString()), launcher.output());
    }
  }

  @Test
  void aPortInUseExitsWithOneAndSaysWhy() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path etc = Files.createDirectories(home.resolve("etc"));
      Files.writeString(etc.resolve("org.plugvnc.server.cfg"), "port = " + taken.getLocalPort() + "\n");
      try (ChildProcess launcher = startJar("launcher-port-in-use.log", "--home", home.toString())) {
        int exit = launcher.awaitExit(TIMEOUT);

        assertEquals(1, exit, launcher.output());
        assertTrue(launcher.output().contains("failed to start"), launcher.output());
        assertTrue(launcher.output().contains("RfbServer"), launcher.output());
        assertTrue(launcher.output().contains("BindException"), launcher.output());
      }
    }
  }

  /** The 12-byte ProtocolVersion a server sends first (RFC 6143 7.1.1). */
  private static String readProtocolVersion(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      byte[] version = socket.getInputStream().readNBytes(12);
      return new String(version, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new AssertionError("cannot read the protocol version on port " + port, e);
    }
  }
}
