package org.plugvnc.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A command-line seed of the load client: connects, prints ServerInit, then keeps one
 * incremental update request outstanding and prints update statistics once a second.
 *
 * <pre>
 * java -jar plugvnc-client.jar [host] [port] [seconds] [encodings]
 *   encodings: comma-separated names or numbers in preference order, e.g.
 *     tight,zrle,hextile,copyrect,raw,cursor,desktopsize,lastrect,QualityLevel6,CompressLevel2
 *     (names as RfbNumbers.encodingName writes them, case ignored; default
 *     copyrect,raw,cursor,desktopsize)
 *   environment PLUGVNC_PASSWORD: VNC Authentication password (kept off the command line)
 * </pre>
 */
public final class Main {

  private Main() {
  }

  /**
   * @param args host (default 127.0.0.1), port (default 5900), seconds to run (default 10),
   *     encodings (default copyrect,raw,cursor,desktopsize)
   * @throws Exception on any connection or protocol failure, which ends the program
   */
  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 5900;
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
    int[] encodings = encodings(args.length > 3 ? args[3] : "copyrect,raw,cursor,desktopsize");
    try (RfbClient client = RfbClient.builder().host(host).port(port)
        .password(System.getenv("PLUGVNC_PASSWORD"))
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(encodings)
        .connect()) {
      ServerInit init = client.serverInit();
      System.out.printf("connected: %s, %s, security %s%n", client.handshake().serverVersion().strip(),
          client.protocolVersion(), RfbNumbers.securityTypeName(client.handshake().securityType()));
      System.out.printf("ServerInit: %dx%d \"%s\" %s%n", init.width(), init.height(), init.name(),
          init.pixelFormat());
      run(client, seconds);
    }
  }

  /** @return the encoding numbers of a comma-separated list of names or numbers */
  static int[] encodings(String list) {
    return Arrays.stream(list.split(",")).filter(s -> !s.isBlank())
        .mapToInt(RfbNumbers::encodingNumber).toArray();
  }

  private static void run(RfbClient client, long seconds) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long windowStart = System.nanoTime();
    long updates = 0;
    long rects = 0;
    long bytes = 0;
    long latencyNanos = 0;
    client.requestUpdate(false);
    long requested = System.nanoTime();
    while (System.nanoTime() < end) {
      var update = client.poll(Duration.ofMillis(200));
      if (update.isPresent() && update.get() instanceof FramebufferUpdate) {
        FramebufferUpdate u = (FramebufferUpdate) update.get();
        updates++;
        rects += u.rectangles().size();
        bytes += u.byteCount();
        latencyNanos += u.endNanos() - requested;
        client.requestUpdate(true);
        requested = System.nanoTime();
      }
      long now = System.nanoTime();
      if (now - windowStart >= 1_000_000_000L) {
        System.out.printf(Locale.ROOT, "%d updates, %d rects, %.1f KiB, mean latency %.2f ms%n",
            updates, rects, bytes / 1024.0, updates == 0 ? 0.0 : latencyNanos / 1e6 / updates);
        windowStart = now;
        updates = rects = bytes = latencyNanos = 0;
      }
    }
  }
}
