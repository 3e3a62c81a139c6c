package org.plugvnc.interop;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A TCP relay between one viewer and the server that follows the RFB stream both ways and counts
 * it into an {@link RfbCensus}, so a test can check which encodings really reached a real viewer
 * (a viewer's picture alone cannot tell Raw from Hextile). It can also hold the server's stream
 * between two messages, so that a picture that is soon replaced (JPEG before its lossless
 * refresh) stays on the viewer's screen long enough to be looked at.
 *
 * <p>Limits: security None or VncAuth only; the viewer's SetPixelFormat is taken to apply to
 * everything the server sends after it has been read here, which holds for viewers that send it
 * before their first update request (TigerVNC's viewer with {@code -AutoSelect=0}, vncsnapshot).
 */
public final class CensusProxy implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ServerSocket listener;
  private final int serverPort;
  private final RfbCensus census = new RfbCensus();
  private final WireSession session = new WireSession();
  private final CountDownLatch held = new CountDownLatch(1);
  private final Object holdLock = new Object();
  private volatile Predicate<RfbCensus> holdCondition;
  private boolean holding;
  private boolean released;
  private volatile Socket viewer;
  private volatile Socket server;
  private final Thread acceptor;

  private CensusProxy(ServerSocket listener, int serverPort) {
    this.listener = listener;
    this.serverPort = serverPort;
    acceptor = new Thread(this::acceptOne, "census proxy to " + serverPort);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a free loopback port for one viewer, to be relayed to 127.0.0.1:{@code port}. */
  public static CensusProxy start(int serverPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      return new CensusProxy(listener, serverPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for the census proxy", e);
    }
  }

  /** The port a viewer connects to. */
  public int port() {
    return listener.getLocalPort();
  }

  public RfbCensus census() {
    return census;
  }

  /**
   * Holds the server's stream after the first complete server message at which {@code condition}
   * holds, until {@link #release}. The viewer goes on sending; the server's writes wait.
   */
  public void holdWhen(Predicate<RfbCensus> condition) {
    holdCondition = condition;
  }

  /** Waits until the stream is held; false if that did not happen within {@code timeout}. */
  public boolean awaitHeld(Duration timeout) throws InterruptedException {
    return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the server's stream flow again, for good. */
  public void release() {
    synchronized (holdLock) {
      released = true;
      holdLock.notifyAll();
    }
  }

  @Override
  public void close() {
    release();
    closeQuietly(listener);
    closeQuietly(viewer);
    closeQuietly(server);
  }

  private void acceptOne() {
    try {
      Socket v = listener.accept();
      closeQuietly(listener);
      viewer = v;
      Socket s = new Socket();
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort),
          (int) CONNECT_TIMEOUT.toMillis());
      server = s;
      v.setTcpNoDelay(true);
      s.setTcpNoDelay(true);
      ForwardingInput fromServer = new ForwardingInput(new BufferedInputStream(s.getInputStream()),
          new BufferedOutputStream(v.getOutputStream()));
      ForwardingInput fromViewer = new ForwardingInput(new BufferedInputStream(v.getInputStream()),
          new BufferedOutputStream(s.getOutputStream()));
      pump("viewer to server", () -> new ClientStreamReader(fromViewer, session, census).run());
      pump("server to viewer",
          () -> new ServerStreamReader(fromServer, session, census, this::gate).run());
    } catch (IOException e) {
      if (!listener.isClosed() || viewer != null) {
        census.failed("proxy: " + e);
      }
    }
  }

  /** Called by the server-side reader after each message: holds there while asked to. */
  private void gate() throws InterruptedException {
    Predicate<RfbCensus> condition = holdCondition;
    synchronized (holdLock) {
      if (!holding && !released && condition != null && condition.test(census)) {
        holding = true;
        held.countDown();
      }
      while (holding && !released) {
        holdLock.wait();
      }
    }
  }

  /** One direction's reading, on its own thread; ending it ends the connection both ways. */
  private void pump(String name, IoTask task) {
    Thread t = new Thread(() -> {
      try {
        task.run();
      } catch (IOException e) {
        // The connection ended (or was closed by the test): nothing more to count.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        closeQuietly(viewer);
        closeQuietly(server);
      }
    }, "census proxy " + name);
    t.setDaemon(true);
    t.start();
  }

  @FunctionalInterface
  private interface IoTask {
    void run() throws IOException, InterruptedException;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
