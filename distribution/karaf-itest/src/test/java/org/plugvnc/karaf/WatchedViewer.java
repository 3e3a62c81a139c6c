package org.plugvnc.karaf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbTimeoutException;

/**
 * The project's own client as a viewer that stays connected through whatever a test does to the
 * server. A thread of its own asks for the whole framebuffer every {@link #REFRESH} and reads
 * what comes, so the viewer keeps reading (the server never sheds it as stalled) and every update
 * goes through the encoders of the moment; it counts the updates and keeps what ended the
 * connection, if anything did. {@link #stopWatching()} hands the client back for checks on the
 * caller's thread (an {@link RfbClient} is read by one thread at a time).
 */
final class WatchedViewer implements AutoCloseable {

  /**
   * Most preferred first: one encoding of each family, so that the server uses the Tight bundle
   * while it is there, then the zlib one, then the basic one; Raw always works. No JPEG quality
   * level is listed, so every picture is lossless.
   */
  static final int[] ENCODINGS = {
      RfbNumbers.ENCODING_TIGHT, RfbNumbers.ENCODING_ZRLE, RfbNumbers.ENCODING_ZLIB,
      RfbNumbers.ENCODING_HEXTILE, RfbNumbers.ENCODING_RRE, RfbNumbers.ENCODING_COPY_RECT,
      RfbNumbers.ENCODING_RAW};

  private static final Duration REFRESH = Duration.ofMillis(300);
  private static final Duration UPDATE_WAIT = Duration.ofSeconds(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final RfbClient client;
  private final Thread thread;
  private final AtomicLong updates = new AtomicLong();
  /** The encodings of the latest update's rectangles. */
  private volatile Set<Integer> latestEncodings = Set.of();
  private volatile boolean stopping;
  private volatile Exception failure;

  private WatchedViewer(RfbClient client, String name) {
    this.client = client;
    this.thread = new Thread(this::watch, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Connects the project's client with VNC Authentication, true colour and {@link #ENCODINGS}.
   *
   * @throws IOException when it cannot connect or authenticate
   */
  static RfbClient connect(int port, String password) throws IOException {
    return RfbClient.builder().port(port)
        .securityType(RfbNumbers.SECURITY_VNC_AUTH)
        .password(password)
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(ENCODINGS)
        .connect();
  }

  /** Starts watching {@code client}, which this viewer owns from now on (until stopped). */
  static WatchedViewer watch(String name, RfbClient client) {
    return new WatchedViewer(client, name);
  }

  private void watch() {
    try {
      while (!stopping) {
        client.requestUpdate(false);
        try {
          FramebufferUpdate update = client.awaitUpdate(UPDATE_WAIT);
          latestEncodings = update.rectangles().stream().map(Rectangle::encoding)
              .collect(Collectors.toUnmodifiableSet());
          updates.incrementAndGet();
        } catch (RfbTimeoutException e) {
          // nothing to show this time (no capture backend at the moment): ask again
        }
        Thread.sleep(REFRESH.toMillis());
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Updates received so far. */
  long updates() {
    return updates.get();
  }

  /** What ended the connection while watching, or null while it lasts. */
  Exception failure() {
    return failure;
  }

  /**
   * Waits until more than {@code seen} updates have arrived.
   *
   * @throws AssertionError when the connection ended or no new update came within
   *     {@code timeout}
   */
  void awaitUpdatesBeyond(long seen, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (updates.get() <= seen) {
      if (failure != null) {
        throw new AssertionError("the viewer was dropped: " + failure, failure);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the viewer got no update within " + timeout.toSeconds() + " s");
      }
      sleep(Duration.ofMillis(50));
    }
  }

  /**
   * Waits for an update after the {@code seen}th whose rectangles' encodings pass {@code test}:
   * to see the server move to another encoding when a plug-in goes, and back when it returns.
   *
   * @throws AssertionError when the connection ended or no such update came within
   *     {@code timeout}
   */
  void awaitUpdateEncoded(Predicate<Set<Integer>> test, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = updates.get();
    while (updates.get() <= seen || !test.test(latestEncodings)) {
      if (failure != null) {
        throw new AssertionError("the viewer was dropped: " + failure, failure);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no update " + what + " within " + timeout.toSeconds()
            + " s; the latest used encodings " + latestEncodings);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  /**
   * Stops the watching thread and returns the client, still connected, for the caller's thread.
   *
   * @throws AssertionError when the connection had ended
   */
  RfbClient stopWatching() {
    stopping = true;
    try {
      thread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (thread.isAlive()) {
      throw new AssertionError("the viewer's thread did not stop");
    }
    if (failure != null) {
      throw new AssertionError("the viewer was dropped: " + failure, failure);
    }
    return client;
  }

  /**
   * Asks {@code client} for its whole framebuffer until it shows {@code expected} exactly.
   *
   * @throws AssertionError naming the first wrong pixel when it does not within {@code timeout}
   */
  static void awaitPicture(RfbClient client, BufferedImage expected, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String mismatch;
    do {
      client.refresh(UPDATE_WAIT);
      mismatch = mismatch(client, expected);
      if (mismatch == null) {
        return;
      }
      sleep(Duration.ofMillis(200));
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the client's framebuffer is not the expected picture: " + mismatch);
  }

  /**
   * Connects again and again until a viewer is served {@code expected} exactly: for a server whose
   * plug-ins are still arriving (a KAR installs its features one after the other, so the port
   * may open before a security type or the desktop is there).
   *
   * @return the time it took
   * @throws AssertionError with the last failure when no viewer is served within {@code timeout}
   */
  static Duration awaitServed(int port, String password, BufferedImage expected,
      Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Throwable last;
    do {
      try (RfbClient client = connect(port, password)) {
        awaitPicture(client, expected, UPDATE_WAIT);
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (IOException | AssertionError e) {
        last = e;
      }
      sleep(Duration.ofMillis(200));
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no viewer was served the expected picture on port " + port
        + " within " + timeout.toSeconds() + " s", last);
  }

  /** The first pixel where {@code client} differs from {@code expected}, or null. */
  static String mismatch(RfbClient client, BufferedImage expected) {
    if (client.width() != expected.getWidth() || client.height() != expected.getHeight()) {
      return "size " + client.width() + "x" + client.height() + ", expected "
          + expected.getWidth() + "x" + expected.getHeight();
    }
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int want = expected.getRGB(x, y) & 0xFFFFFF;
        if (client.pixel(x, y) != want) {
          return String.format("pixel (%d, %d) is %06x, expected %06x", x, y, client.pixel(x, y),
              want);
        }
      }
    }
    return null;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    client.close();
  }
}
