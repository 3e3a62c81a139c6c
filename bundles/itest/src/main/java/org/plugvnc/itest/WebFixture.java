package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * What the WebSocket transport's tests share: the server (VNC Authentication, the test pattern),
 * the transport on a fresh port, a small web content registered by the test, and a native viewer
 * connected before each test that must still see the exact picture after it.
 */
final class WebFixture implements AutoCloseable {

  static final String PID = "org.plugvnc.transport.websocket";
  static final Instant MODIFIED = Instant.parse("2026-03-04T05:06:07Z");
  static final String PAGE = "<!DOCTYPE html><title>plugvnc test page</title>";
  static final String SCRIPT = "export const answer = 42;\n";

  final ServerFixture server;
  final int port;
  RfbClient nativeViewer;
  private final ConfigurationAdmin cm;
  private final ServiceRegistration<WebContent> content;

  private WebFixture(ServerFixture server, int port, RfbClient nativeViewer, ConfigurationAdmin cm,
      ServiceRegistration<WebContent> content) {
    this.server = server;
    this.port = port;
    this.nativeViewer = nativeViewer;
    this.cm = cm;
    this.content = content;
  }

  static WebFixture start(BundleContext context, ConfigurationAdmin cm, Map<String, Object> transport,
      Map<String, Object> serverExtra) throws Exception {
    Hashtable<String, Object> extra = new Hashtable<>(Map.of("blacklistThreshold", 0));
    extra.putAll(serverExtra);
    ServerFixture server = ServerFixture.start(cm, "VncAuth", extra);
    RfbClient viewer = server.client().password(ServerFixture.PASSWORD).encodings(RfbNumbers.ENCODING_RAW).connect();
    Dictionary<String, Object> props = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 10));
    ServiceRegistration<WebContent> content = context.registerService(WebContent.class, path -> Optional.ofNullable(
        Map.of("", WebResource.of("text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), MODIFIED),
            "app/ui.js", WebResource.of("text/javascript; charset=utf-8", SCRIPT.getBytes(StandardCharsets.UTF_8),
                MODIFIED)).get(path)), props);
    int port = freePort();
    Hashtable<String, Object> config = new Hashtable<>(Map.of("port", port, "bindAddress", "127.0.0.1",
        "requestTimeoutSeconds", 2, "idleTimeoutSeconds", 3));
    config.putAll(transport);
    cm.getConfiguration(PID, "?").update(config);
    awaitListening(port);
    return new WebFixture(server, port, viewer, cm, content);
  }

  /** Changes the transport's configuration (keeping the port) and waits until it listens. */
  void reconfigure(Map<String, Object> changes) throws Exception {
    Dictionary<String, Object> d = cm.getConfiguration(PID, "?").getProperties();
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      d.put(e.getKey(), e.getValue());
    }
    cm.getConfiguration(PID, "?").update(d);
    Thread.sleep(300);
    awaitListening(port);
  }

  /**
   * A new native viewer instead of the one connected at the start, for a test that resizes the
   * desktop (which closes a viewer without DesktopSize, as that one is) and then restores it.
   */
  void reconnectNativeViewer() throws IOException {
    nativeViewer.close();
    nativeViewer = server.client().password(ServerFixture.PASSWORD).encodings(RfbNumbers.ENCODING_RAW).connect();
  }

  void unregisterContent() {
    content.unregister();
  }

  /** A TLS context that trusts the VeNCrypt certificate and nothing else: the certificate is pinned. */
  static SSLContext trusting(Path certificateFile) throws Exception {
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(certificateFile)) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("vencrypt", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, tmf.getTrustManagers(), null);
    return c;
  }

  /** The native viewer still sees the exact picture; then the transport's configuration goes. */
  @Override
  public void close() throws Exception {
    try {
      SecurityFixture.assertPattern(nativeViewer);
    } finally {
      nativeViewer.close();
      try {
        content.unregister();
      } catch (IllegalStateException e) {
        // the test unregistered it
      }
      cm.getConfiguration(PID, "?").update(new Hashtable<>(Map.of("enabled", false)));
    }
  }

  static void awaitListening(int port) throws InterruptedException {
    long end = System.nanoTime() + ServerFixture.TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    fail("the WebSocket transport did not listen on port " + port + " within " + ServerFixture.TIMEOUT);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
