package org.plugvnc.interop;

import java.io.IOException;
import java.time.Duration;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbTimeoutException;

/**
 * A well-behaved viewer next to the flood: it asks again and again for a non-incremental update
 * of a small area and times the answers. The ServerCutTexts the flood causes reach it too; the
 * client reads and drops them on the way to each update.
 */
final class Witness implements AutoCloseable {

  static final int AREA = 64;
  private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(5);

  private final RfbClient client;
  private volatile int updates;
  private volatile long longestGapNanos;
  private volatile String failure;

  private Witness(RfbClient client) {
    this.client = client;
  }

  /** Connects with security None, true colour and Raw encoding only. */
  static Witness connect(int port) throws IOException {
    return new Witness(RfbClient.builder().port(port)
        .securityType(RfbNumbers.SECURITY_NONE)
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(RfbNumbers.ENCODING_RAW)
        .readTimeout(UPDATE_TIMEOUT)
        .connect());
  }

  /**
   * Requests and awaits updates until {@code deadlineNanos} ({@link System#nanoTime()}). The gaps
   * counted run from the start to the first update, between updates, and from the last update to
   * the deadline, so that a witness that stops receiving (or whose connection fails, see
   * {@link #failure()}) shows the whole stall.
   */
  void watch(long deadlineNanos) {
    long last = System.nanoTime();
    try {
      while (System.nanoTime() < deadlineNanos) {
        client.requestUpdate(false, 0, 0, AREA, AREA);
        try {
          FramebufferUpdate update = client.awaitUpdate(UPDATE_TIMEOUT);
          longestGapNanos = Math.max(longestGapNanos, update.endNanos() - last);
          last = update.endNanos();
          updates++;
        } catch (RfbTimeoutException e) {
          // no update yet: the gap keeps growing; ask again
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
    }
    longestGapNanos = Math.max(longestGapNanos, deadlineNanos - last);
  }

  /**
   * Requests a full update of the {@link #AREA}-pixel top-left corner and compares it with the
   * virtual desktop's test pattern at {@code width x height}.
   *
   * @return the first wrong pixel, or null when all are right
   * @throws IOException when no update comes within the timeout or the connection fails
   */
  String checkCorner(int width, int height) throws IOException {
    client.requestUpdate(false, 0, 0, AREA, AREA);
    client.awaitUpdate(UPDATE_TIMEOUT);
    for (int y = 0; y < AREA; y++) {
      for (int x = 0; x < AREA; x++) {
        int expected = TestPattern.rgb(x, y, width, height);
        if (client.pixel(x, y) != expected) {
          return String.format("pixel (%d, %d) is %06x, the test pattern has %06x",
              x, y, client.pixel(x, y), expected);
        }
      }
    }
    return null;
  }

  int updates() {
    return updates;
  }

  long longestGapMillis() {
    return longestGapNanos / 1_000_000;
  }

  /** What ended the watch early, or null. */
  String failure() {
    return failure;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
