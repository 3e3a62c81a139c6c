package org.plugvnc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Where interop tests find the built jar and put their artefacts, and free ports. */
public final class Interop {

  private Interop() {}

  /** The Maven target directory (set by failsafe; falls back to {@code target}). */
  public static Path targetDirectory() {
    return Path.of(System.getProperty("plugvnc.target", "target")).toAbsolutePath();
  }

  /** The built distribution jar (set by failsafe; falls back to {@code target/plugvnc.jar}). */
  public static Path distributionJar() {
    return Path.of(System.getProperty("plugvnc.jar", targetDirectory().resolve("plugvnc.jar").toString()));
  }

  /** Logs, screenshots and pictures of failed runs. */
  public static Path artefacts() {
    return targetDirectory().resolve("interop");
  }

  /**
   * A TCP port on 127.0.0.1 that was free a moment ago. Another process could take it before the
   * server binds it; on this machine's loopback that is rare enough for tests.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * A TCP port on 127.0.0.1 from {@code first} up (within 100) that was free a moment ago, for
   * viewers that address a server by display number (port 5900 + display).
   *
   * @throws AssertionError when all 100 are taken
   */
  public static int freePortFrom(int first) {
    for (int port = first; port < first + 100; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        // taken: try the next one
      }
    }
    throw new AssertionError("no free port in " + first + ".." + (first + 99));
  }
}
