package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.PASSWORD;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * The Unix domain socket transport in the real framework with the real engine: the project's
 * client over the socket, VNC Authentication and every pixel; the file's mode, a stale file,
 * removal on stop, and malformed input that ends only its own connection.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class UnixSocketTest {

  static final String PID = "org.plugvnc.transport.unix";

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  ServerFixture server;
  Path dir;
  Path socket;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    dir = Files.createTempDirectory("plugvnc-unix");
    socket = dir.resolve("sub/vnc.sock");
  }

  @AfterEach
  void stop() throws Exception {
    cm.getConfiguration(PID, "?").delete();
    awaitTrue(() -> !Files.exists(socket), "the socket file is removed");
  }

  @Test
  void theClientAuthenticatesOverTheSocketAndSeesEveryPixel() throws Exception {
    listen(socket);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    try (RfbClient c = viewer().connect()) {
      assertEquals(RfbNumbers.SECURITY_VNC_AUTH, c.securityType());
      c.refresh(TIMEOUT);
      int[] desktop = Pictures.desktop(context);
      assertTrue(Pictures.equal(desktop, c.pixels()),
          Pictures.firstDifference(desktop, c.pixels(), c.width()));
    }
  }

  @Test
  void aStaleSocketFileIsReplacedAndStopRemovesTheFile() throws Exception {
    Files.createDirectories(socket.getParent());
    try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      crashed.bind(UnixDomainSocketAddress.of(socket));
    }
    assertTrue(Files.exists(socket), "a closed listener leaves its file behind, as a crash does");
    listen(socket);
    try (RfbClient c = viewer().connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width());
      cm.getConfiguration(PID, "?").delete();
      awaitTrue(() -> !Files.exists(socket), "stopping removes the file");
      c.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(5, 5, ServerFixture.WIDTH, ServerFixture.HEIGHT),
          c.pixel(5, 5), "a viewer connected over the socket stays");
    }
  }

  @Test
  void malformedInputEndsOnlyItsOwnConnection() throws Exception {
    listen(socket);
    try (RfbClient good = viewer().connect();
        SocketChannel bad = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      ByteBuffer greeting = ByteBuffer.allocate(12);
      while (greeting.hasRemaining() && bad.read(greeting) >= 0) {
        // the server speaks first
      }
      assertEquals("RFB 003.008\n", new String(greeting.array(), StandardCharsets.US_ASCII));
      bad.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer rest = ByteBuffer.allocate(4096);
      long end = System.nanoTime() + TIMEOUT.toNanos();
      int n = 0;
      while (n >= 0 && System.nanoTime() < end) {
        rest.clear();
        n = bad.read(rest);
      }
      assertEquals(-1, n, "the server closed the malformed connection");
      good.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(7, 9, ServerFixture.WIDTH, ServerFixture.HEIGHT),
          good.pixel(7, 9), "the other viewer on the socket is still served");
    }
    try (RfbClient again = viewer().connect()) {
      assertEquals(ServerFixture.WIDTH, again.serverInit().width(), "the socket still accepts");
    }
  }

  private org.plugvnc.client.RfbClientBuilder viewer() {
    return RfbClient.builder().unixSocket(socket).readTimeout(TIMEOUT)
        .securityType(RfbNumbers.SECURITY_VNC_AUTH).password(PASSWORD);
  }

  private void listen(Path path) throws Exception {
    server.update(PID, Map.of("path", path.toString()));
    awaitTrue(() -> {
      try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
        return true;
      } catch (IOException notYet) {
        return false;
      }
    }, "the socket accepts connections at " + path);
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + TIMEOUT + ": " + what);
      }
      Thread.sleep(20);
    }
  }
}
