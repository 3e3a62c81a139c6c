package org.plugvnc.benchmarks.latency;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbTimeoutException;

/**
 * Damage-to-update latency as a viewer sees it: the project's own client, connected to a running
 * plugvnc server, causes a change on the desktop and measures the time from just before the cause
 * to the end of decoding of the update that shows the new pixels everywhere they must be. Keeps
 * one incremental update request outstanding, as a viewer does. Run by {@code scripts/latency.sh},
 * which starts the X server and the built server; prints one Markdown table row.
 *
 * <pre>
 * java -cp ... org.plugvnc.benchmarks.latency.DamageLatency --port P --label NAME
 *     [--display :N]       cause: xsetroot on that display (else: a key press, virtual desktop)
 *     [--iterations 50] [--warmup 5]
 *     [--encodings tight,zrle,copyrect,raw,cursor,lastrect,desktopsize,CompressLevel2,QualityLevel8]
 * </pre>
 */
public final class DamageLatency {

  private static final int[] COLOURS = {0x3366cc, 0xcc6633};
  private static final int GRID = 8;
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);

  private final RfbClient client;
  private final Cause cause;
  private final Random pauses = new Random(8);
  private final Samples latency = new Samples();
  private final Samples causeAlone = new Samples();
  private final Samples decoding = new Samples();
  private final Samples bytes = new Samples();
  private final Samples updates = new Samples();

  private DamageLatency(RfbClient client, Cause cause) {
    this.client = client;
    this.cause = cause;
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    try (RfbClient client = RfbClient.builder().port(o.port)
        .securityType(RfbNumbers.SECURITY_NONE)
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(o.encodings)
        .readTimeout(Duration.ofSeconds(30))
        .connect()) {
      Cause cause = o.display == null ? new KeyPressCause(client) : new XsetrootCause(o.display);
      client.refresh(Duration.ofSeconds(30));
      client.requestUpdate(true);
      DamageLatency run = new DamageLatency(client, cause);
      run.settle();
      System.err.printf(Locale.ROOT, "%s: %dx%d, first full picture: %,d bytes received%n",
          o.label, client.width(), client.height(), client.bytesReceived());
      for (int i = 0; i < o.warmup + o.iterations; i++) {
        run.round(i >= o.warmup);
      }
      System.out.println(run.row(o));
    }
  }

  /**
   * One change to the colour the area does not show now (the desktop may start in either: a run
   * before this one may have left it so), then updates until the whole area shows it.
   */
  private void round(boolean counted) throws IOException, InterruptedException {
    settle();
    int[] a = cause.area(client.width(), client.height());
    int rgb = client.pixel(a[0], a[1]) == COLOURS[0] ? COLOURS[1] : COLOURS[0];
    long start = System.nanoTime();
    Cause.Running running = cause.start(rgb);
    long received = 0;
    int count = 0;
    long shown;
    long decodingStarted;
    while (true) {
      FramebufferUpdate u = awaitUpdate(rgb);
      client.requestUpdate(true);
      received += u.byteCount();
      count++;
      if (shows(rgb)) {
        shown = u.endNanos();
        decodingStarted = u.startNanos();
        break;
      }
    }
    long ended = running.endNanos();
    if (counted) {
      latency.add(shown - start);
      causeAlone.add(ended - start);
      decoding.add(shown - decodingStarted);
      bytes.add(received);
      updates.add(count);
    }
  }

  private FramebufferUpdate awaitUpdate(int rgb) throws IOException {
    try {
      return client.awaitUpdate(ROUND_TIMEOUT);
    } catch (RfbTimeoutException e) {
      throw new RfbTimeoutException(String.format(Locale.ROOT,
          "the change to #%06x by %s did not show within %s", rgb, cause.describe(),
          ROUND_TIMEOUT));
    }
  }

  /**
   * Applies whatever the last change still sends, for a random 150 to 400 ms, so that the next
   * cause falls at a random moment of the backend's poll cycle.
   */
  private void settle() throws IOException {
    long until = System.nanoTime() + Duration.ofMillis(150 + pauses.nextInt(250)).toNanos();
    for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
      if (client.poll(Duration.ofNanos(left)).orElse(null) instanceof FramebufferUpdate) {
        client.requestUpdate(true);
      }
    }
  }

  /** @return whether a grid of points over the cause's area, its edges included, is {@code rgb} */
  private boolean shows(int rgb) {
    int[] a = cause.area(client.width(), client.height());
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        int x = a[0] + (a[2] - 1) * i / (GRID - 1);
        int y = a[1] + (a[3] - 1) * j / (GRID - 1);
        if (client.pixel(x, y) != rgb) {
          return false;
        }
      }
    }
    return true;
  }

  private String row(Options o) {
    return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |", o.label,
        cause.describe(), o.iterations, latency.millis(), causeAlone.millis(), decoding.millis(),
        bytes.counts(), updates.counts());
  }

  /** The command line. */
  private static final class Options {
    int port = -1;
    String label = "?";
    String display;
    int iterations = 50;
    int warmup = 5;
    int[] encodings = encodings(
        "tight,zrle,copyrect,raw,cursor,lastrect,desktopsize,CompressLevel2,QualityLevel8");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--port" -> o.port = Integer.parseInt(value);
          case "--label" -> o.label = value;
          case "--display" -> o.display = value;
          case "--iterations" -> o.iterations = Integer.parseInt(value);
          case "--warmup" -> o.warmup = Integer.parseInt(value);
          case "--encodings" -> o.encodings = encodings(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (o.port <= 0 || args.length % 2 != 0 || o.iterations < 1) {
        throw new IllegalArgumentException("usage: --port P --label NAME [--display :N]"
            + " [--iterations N] [--warmup N] [--encodings LIST]; got " + Arrays.toString(args));
      }
      return o;
    }

    static int[] encodings(String list) {
      return Arrays.stream(list.split(",")).filter(s -> !s.isBlank())
          .mapToInt(RfbNumbers::encodingNumber).toArray();
    }
  }
}
