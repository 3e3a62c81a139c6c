package org.plugvnc.interop;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plugvnc.client.RfbClient;

/**
 * One plugvnc server (the built jar) serving the virtual desktop's test pattern to browsers
 * through its built-in web listener (bundle transport-websocket, with the web client), and what
 * its desktop should look like now: tests that type or click on it update {@link #desktop}.
 */
final class WebDesktop implements AutoCloseable {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final String WEB_PID = "org.plugvnc.transport.websocket";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern PASSWORD =
      Pattern.compile("plugvnc: generated VNC password: (\\S+) ");
  private static final Pattern RSA_FINGERPRINT =
      Pattern.compile("generated the RSA-AES key .* SHA-256 fingerprint ([0-9A-F:]+)");

  final PlugvncServer server;
  final int webPort;
  /** The picture the desktop shows now, as far as the tests changed it. */
  BufferedImage desktop;
  private final JmxSessions jmx;

  private WebDesktop(PlugvncServer server, int webPort, BufferedImage desktop, JmxSessions jmx) {
    this.server = server;
    this.webPort = webPort;
    this.desktop = desktop;
    this.jmx = jmx;
  }

  /**
   * Starts a server with {@code securityTypes}, a test pattern of {@link #WIDTH} x {@link #HEIGHT}
   * and the web listener on a free port, waits until the listener is up (and, with {@code https},
   * serves https and wss with the generated VeNCrypt certificate).
   *
   * @param more further configuration of the server builder
   */
  static WebDesktop start(Path home, String securityTypes, boolean https,
      UnaryOperator<PlugvncServer.Builder> more, String logName) {
    int webPort = Interop.freePort();
    PlugvncServer.Builder builder = PlugvncServer.in(home).securityTypes(securityTypes)
        .testPattern(WIDTH, HEIGHT)
        .config(WEB_PID, "port", Integer.toString(webPort))
        .config(WEB_PID, "bindAddress", "127.0.0.1")
        .config(WEB_PID, "tls", https ? "auto" : "off");
    // The management view says which encodings the server sent, and when the last viewer left.
    int jmxPort = Interop.freePort();
    JmxSessions.jvmArguments(jmxPort).forEach(builder::jvmArgument);
    PlugvncServer server = more.apply(builder).start(logName);
    try {
      server.process().awaitLine(
          line -> line.contains("WebSocket transport listening on") && line.contains(":" + webPort + " "),
          "the web listener on port " + webPort, START_TIMEOUT);
      if (https) {
        server.process().awaitLine("WebSocket transport: https and wss with the server certificate",
            START_TIMEOUT);
      }
      return new WebDesktop(server, webPort, TestPattern.image(WIDTH, HEIGHT),
          JmxSessions.connect(jmxPort));
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("no JMX agent on port " + jmxPort, e);
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT/} or {@code https://...}: the web client's start page. */
  String url(boolean https) {
    return (https ? "https" : "http") + "://127.0.0.1:" + webPort + "/";
  }

  /** The VNC password the server generated and printed once at its first start. */
  String generatedPassword() {
    return find(PASSWORD, "a generated VNC password");
  }

  /** The SHA-256 fingerprint the server printed for the RSA-AES key it generated. */
  String rsaFingerprint() {
    return find(RSA_FINGERPRINT, "a generated RSA-AES key");
  }

  private String find(Pattern pattern, String what) {
    String line = server.process().awaitLine(l -> pattern.matcher(l).find(), what, START_TIMEOUT);
    Matcher m = pattern.matcher(line);
    m.find();
    return m.group(1);
  }

  /** The server's management view of its sessions. */
  List<JmxSessions.Session> sessions() throws IOException {
    return jmx.sessions();
  }

  /**
   * The base64 SHA-256 of the public key (SubjectPublicKeyInfo) of the certificate VeNCrypt
   * generated: what Chromium's {@code --ignore-certificate-errors-spki-list} takes, to trust that
   * certificate and no other.
   */
  String certificateSpki() {
    Path file = server.certificateFile();
    try (InputStream in = Files.newInputStream(file)) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
      return Base64.getEncoder().encodeToString(digest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("not a certificate: " + file, e);
    }
  }

  /**
   * Waits until no viewer is left (the management view shows no session), after which the next
   * viewer finds the virtual desktop started afresh, showing the plain test pattern: the engine
   * stops the backend when its last viewer leaves and starts it for the next one.
   */
  void awaitNoViewers() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    List<JmxSessions.Session> left;
    while (!(left = sessions()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("viewers still connected: " + left);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    desktop = TestPattern.image(WIDTH, HEIGHT);
  }

  /** The desktop after a key press: the test pattern's key block in the keysym's colour. */
  void keyPressed(int keysym) {
    fill(0, 0, 16, 16, keysym & 0xFFFFFF);
  }

  /** The desktop after a click: the pointer block, white, at (x, y). */
  void clicked(int x, int y) {
    fill(x, y, 4, 4, 0xFFFFFF);
  }

  private void fill(int left, int top, int width, int height, int rgb) {
    for (int y = top; y < Math.min(HEIGHT, top + height); y++) {
      for (int x = left; x < Math.min(WIDTH, left + width); x++) {
        desktop.setRGB(x, y, rgb);
      }
    }
  }

  /**
   * Waits until a native viewer's framebuffer equals the desktop exactly, asking it for the
   * whole framebuffer again and again.
   */
  void awaitPictureIn(RfbClient viewer, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String wrong;
    do {
      viewer.refresh(timeout);
      wrong = firstWrongPixel(viewer);
    } while (wrong != null && System.nanoTime() < deadline);
    if (wrong != null) {
      throw new AssertionError("the native viewer's framebuffer: pixel " + wrong);
    }
  }

  private String firstWrongPixel(RfbClient viewer) {
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int want = desktop.getRGB(x, y) & 0xFFFFFF;
        if (viewer.pixel(x, y) != want) {
          return String.format("(%d, %d) is %06x, not %06x", x, y, viewer.pixel(x, y), want);
        }
      }
    }
    return null;
  }

  /** Compares a whole picture with the desktop, every pixel exactly. */
  ImageComparison.Result compare(BufferedImage picture) {
    if (picture.getWidth() != WIDTH || picture.getHeight() != HEIGHT) {
      return new ImageComparison.Result(new Point(0, 0), 0, 255, 0, 0);
    }
    return ImageComparison.compare(desktop, picture, new Point(0, 0), 0);
  }

  @Override
  public void close() {
    try {
      jmx.close();
    } catch (IOException e) {
      // the server is stopped below either way
    } finally {
      server.close();
    }
  }
}
