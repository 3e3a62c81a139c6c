package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;

/**
 * Configures the running server through ConfigAdmin, as an operator would, and connects the
 * project's own client to it over a real socket.
 */
final class ServerFixture {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final String PASSWORD = "s3cret!x";
  static final String VIEW_ONLY_PASSWORD = "watch123";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ConfigurationAdmin cm;
  final int port;
  private final Path passwordFile;

  private ServerFixture(ConfigurationAdmin cm, int port, Path passwordFile) {
    this.cm = cm;
    this.port = port;
    this.passwordFile = passwordFile;
  }

  /**
   * Points the server at a fresh port with {@code securityTypes}, the virtual desktop in
   * test-pattern mode at {@link #WIDTH}x{@link #HEIGHT}, and password files with
   * {@link #PASSWORD} and {@link #VIEW_ONLY_PASSWORD}; returns once the port accepts connections.
   */
  static ServerFixture start(ConfigurationAdmin cm, String securityTypes, Map<String, Object> extra)
      throws Exception {
    Path dir = Files.createTempDirectory("plugvnc-itest");
    Path passwd = dir.resolve("passwd");
    ServerFixture f = new ServerFixture(cm, freePort(), passwd);
    Files.createFile(passwd, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(passwd, VncPasswordFiles.encode(PASSWORD, VIEW_ONLY_PASSWORD));
    f.update("org.plugvnc.security.vncauth", Map.of("passwordFile", passwd.toString()));
    f.desktop(WIDTH, HEIGHT);
    Hashtable<String, Object> server = new Hashtable<>(Map.of(
        "port", f.port, "bindAddress", "127.0.0.1", "securityTypes", securityTypes));
    server.putAll(extra);
    f.update("org.plugvnc.server", server);
    f.awaitListening();
    return f;
  }

  /** The password file the server reads, for tests that rewrite it while the server runs. */
  Path passwordFile() {
    return passwordFile;
  }

  /** Sets the virtual desktop's size (test-pattern mode). */
  void desktop(int width, int height) throws IOException {
    update("org.plugvnc.capture.virtual", Map.of("mode", "test-pattern", "width", width, "height", height));
  }

  void update(String pid, Map<String, Object> props) throws IOException {
    Configuration c = cm.getConfiguration(pid, "?");
    Dictionary<String, Object> d = new Hashtable<>(props);
    c.updateIfDifferent(d);
  }

  RfbClientBuilder client() {
    return RfbClient.builder().host("127.0.0.1").port(port).readTimeout(TIMEOUT);
  }

  private void awaitListening() throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    fail("the server did not listen on port " + port + " within " + TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The test pattern of the virtual desktop, computed from its documented formula. */
  static int pattern(int x, int y, int w, int h) {
    int r = (x * 255) / Math.max(1, w - 1);
    int g = (y * 255) / Math.max(1, h - 1);
    int b = ((x / 64) + (y / 64)) % 2 == 0 ? 0x30 : 0xD0;
    return r << 16 | g << 8 | b;
  }
}
