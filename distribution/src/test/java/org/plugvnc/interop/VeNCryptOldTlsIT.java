package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that offers only TLS 1.0 or 1.1 after the VeNCrypt prelude is refused by the built jar,
 * which accepts TLS 1.2 and 1.3 only (TigerVNC's Xvnc 1.12 negotiates the old versions).
 *
 * <p>The JDK refuses to send a TLS 1.0 or 1.1 ClientHello at all while its
 * {@code jdk.tls.disabledAlgorithms} lists them, so the client would fail in its own JVM and prove
 * nothing about the server. The project's client therefore runs in a child JVM of its own with
 * {@code -Djava.security.properties} naming a file that takes the two versions off that list:
 * the relaxation lives and dies with that JVM and cannot reach the test JVM, other tests or the
 * server (its own process with the JDK's defaults). That the ClientHello really went out is shown
 * by the client's error: the server's {@code protocol_version} alert, not a local refusal. The
 * same client in the same relaxed JVM offering TLS 1.2 connects: the control.
 */
class VeNCryptOldTlsIT {

  private static final int WIDTH = 64;
  private static final int HEIGHT = 48;
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration FILE_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);
  /** The JDK 17 default list without TLSv1 and TLSv1.1 (it is replaced, not merged). */
  private static final String RELAXED_DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms=SSLv3, RC4,"
      + " DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n";
  /** How the JDK client reports a version it was not allowed to offer (the failure to avoid). */
  private static final String LOCAL_REFUSAL = "No appropriate protocol";

  @TempDir static Path directory;

  private static PlugvncServer server;
  private static Path certificate;
  private static Path securityProperties;
  private static final AtomicInteger RUNS = new AtomicInteger();

  @BeforeAll
  static void startServer() throws IOException {
    server = PlugvncServer.in(directory.resolve("server")).testPattern(WIDTH, HEIGHT)
        .config("org.plugvnc.security.vencrypt", "subtypes", "X509None")
        .start("vencrypt-old-tls-server.log");
    certificate = awaitFile(server.certificateFile());
    securityProperties = directory.resolve("relaxed-java.security");
    Files.writeString(securityProperties, RELAXED_DISABLED_ALGORITHMS);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void tls11OnlyIsRefused() {
    assertRefused("TLSv1.1");
  }

  @Test
  void tls10OnlyIsRefused() {
    assertRefused("TLSv1");
  }

  @Test
  void tls12FromTheSameRelaxedClientConnects() {
    ClientRun client = runClient("TLSv1.2");
    assertEquals(0, client.exitCode(), "the TLSv1.2 client failed:\n" + client.output()
        + "\n--- server output:\n" + server.output());
    assertTrue(client.output().contains("security VeNCrypt subtype X509None"), client.output());
    assertTrue(client.output().contains("TLS: TLSv1.2"), client.output());
  }

  private void assertRefused(String version) {
    int linesBefore = server.process().lines().size();
    ClientRun client = runClient(version);
    String output = client.output();
    assertNotEquals(0, client.exitCode(), "a " + version + "-only client connected:\n" + output);
    assertTrue(!output.contains(LOCAL_REFUSAL) && output.contains("protocol_version"),
        "the " + version + " client should have sent its ClientHello and got the server's"
            + " protocol_version alert:\n" + output);
    String reason = awaitServerLine(linesBefore, version);
    assertTrue(reason.contains("[" + version + "]"), "the server's reason should name the"
        + " client's only version " + version + ": " + reason);
    List<String> lines = server.process().lines();
    assertTrue(lines.subList(Math.min(linesBefore, lines.size()), lines.size()).stream()
            .noneMatch(l -> l.contains("authenticated (VeNCrypt")),
        "a viewer whose TLS failed was logged as authenticated:\n" + server.output());
  }

  /** The first server line after {@code from} that gives a reason for the refused handshake. */
  private static String awaitServerLine(int from, String version) {
    long deadline = System.nanoTime() + LOG_TIMEOUT.toNanos();
    while (true) {
      List<String> lines = server.process().lines();
      for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
        if (line.contains("127.0.0.1") && line.contains("SSLHandshakeException")) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server logged no reason for refusing " + version
            + "; its output:\n" + server.output());
      }
      sleep();
    }
  }

  /** How a client run ended: its exit code and everything it printed. */
  private record ClientRun(int exitCode, String output) {}

  /** The project's client in a child JVM with the relaxed security properties, until it exits. */
  private static ClientRun runClient(String version) {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.security.properties=" + securityProperties,
        "-cp", System.getProperty("java.class.path"),
        "org.plugvnc.client.Main",
        "--security=VeNCrypt", "--vencrypt=X509None", "--ca=" + certificate,
        "--tls-protocols=" + version,
        "127.0.0.1", Integer.toString(server.port()), "1");
    ChildProcess client = ChildProcess.start("client-" + version, command, Map.of(),
        Interop.artefacts().resolve("vencrypt-old-tls-client-" + RUNS.incrementAndGet() + "-"
            + version + ".log"));
    try (client) {
      int exitCode = client.awaitExit(CLIENT_TIMEOUT);
      return new ClientRun(exitCode, client.output());
    }
  }

  private static Path awaitFile(Path file) {
    long deadline = System.nanoTime() + FILE_TIMEOUT.toNanos();
    while (!Files.isRegularFile(file)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server wrote no " + file + "; its output:\n"
            + server.output());
      }
      sleep();
    }
    return file;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
