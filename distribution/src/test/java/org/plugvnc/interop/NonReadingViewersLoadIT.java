package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.interop.JmxMemory.Usage;

/**
 * Viewers that never read must not exhaust the server's memory or stall the other viewers.
 *
 * <p>{@value #VIEWERS} {@link FloodingViewer}s stop reading after ServerInit and, for {@link #LOAD},
 * send SetPixelFormats for a colour-map format (each one asks for a ~1.5 KiB SetColourMapEntries
 * reply) and clipboard changes (each one is sent on to every other viewer as a 16 KiB
 * ServerCutText). A {@link Witness} keeps asking for small updates meanwhile, and {@link JmxMemory}
 * samples the server's heap and direct memory. A server that queues every reply for a viewer that
 * does not read grows without bound; one that bounds each viewer's queue stays flat.
 *
 * <p>The bounds below are functional, chosen generously so that they hold on a busy machine; they
 * are not performance claims. The figures are printed and written to
 * {@code target/interop/load-report.txt}.
 */
class NonReadingViewersLoadIT {

  private static final int VIEWERS = 100;
  private static final Duration LOAD = Duration.ofSeconds(10);
  private static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);
  private static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 800;
  private static final long MIB = 1024 * 1024;

  /**
   * Each non-reading viewer may hold a few hundred KiB queued, 100 of them some tens of MiB at
   * most. Queuing every reply instead needs 100 x 50 x 10 x 1.5 KiB = 75 MiB of colour maps a
   * second, plus 16 KiB per clipboard change per viewer: past this within the first second (2 MB
   * of SetPixelFormats from a single viewer took direct memory past 256 MiB).
   */
  private static final long DIRECT_GROWTH_BOUND = 64 * MIB;
  /**
   * The queued messages' bookkeeping and any copies on the heap grow with the queue too; a heap
   * growing by half of -Xmx512m during a 10 s flood is a queue without bound.
   */
  private static final long HEAP_GROWTH_BOUND = 256 * MIB;
  /**
   * The witness is answered on an I/O thread it shares with flooders; a server busy queuing (or
   * collecting the garbage of) unbounded output for them, or dead of OutOfMemoryError, leaves it
   * waiting for seconds.
   */
  private static final long LONGEST_GAP_BOUND_MILLIS = 3000;
  /** One update a second at the very least: a stalled witness gets almost none. */
  private static final int MIN_WITNESS_UPDATES = 10;
  /** Sampling every 100 ms for 10 s: a server too busy to answer JMX misses most readings. */
  private static final int MIN_SAMPLES = 10;

  @TempDir Path home;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void nonReadingViewersNeitherExhaustMemoryNorStallOthers() throws Exception {
    int jmxPort = Interop.freePort();
    List<FloodingViewer> flooders = new ArrayList<>();
    try (PlugvncServer server = start(jmxPort);
        JmxMemory jmx = JmxMemory.connect(jmxPort);
        Witness witness = Witness.connect(server.port())) {
      jmx.gc();
      Usage before = jmx.read();
      for (int i = 0; i < VIEWERS; i++) {
        flooders.add(FloodingViewer.connect(server.port(), i, CONNECT_TIMEOUT));
      }

      jmx.startSampling(SAMPLE_PERIOD);
      runLoad(flooders, witness);
      Usage peak = jmx.stopSampling();

      LoadReport report =
          new LoadReport(VIEWERS, LOAD, before, peak, jmx.samples(), jmx.missedSamples());
      for (FloodingViewer flooder : flooders) {
        report.flooder(flooder.bytesSent(), flooder.blockedWrites(), flooder.closedByServer());
      }
      closeAll(flooders);
      report.witness(witness.updates(), witness.longestGapMillis(), witness.failure());
      Thread.sleep(SETTLE.toMillis());
      report.after(readAfterGc(jmx));
      report.lateViewer(lateViewerProblem(server.port()));
      report.server(server.process().isAlive(), server.process().lines().stream()
          .filter(line -> line.contains("OutOfMemoryError")).count());

      String text = report.text();
      System.out.println(text);
      Files.writeString(Files.createDirectories(Interop.artefacts()).resolve("load-report.txt"), text);
      assertWithinBounds(report,
          "server log: target/interop/load-server.log\n" + text + "bounds exceeded");
    } finally {
      closeAll(flooders);
    }
  }

  /** Floods and watches, one daemon thread each, for {@link #LOAD}; waits for them all. */
  private static void runLoad(List<FloodingViewer> flooders, Witness witness)
      throws InterruptedException {
    long deadline = System.nanoTime() + LOAD.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (FloodingViewer flooder : flooders) {
      threads.add(daemon("flooder " + threads.size(), () -> flooder.flood(deadline)));
    }
    threads.add(daemon("witness", () -> witness.watch(deadline)));
    // The witness may be inside a 5 s wait for an update at the deadline; a flooder never is.
    long end = deadline + TimeUnit.SECONDS.toNanos(15);
    for (Thread t : threads) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
    }
  }

  private static void assertWithinBounds(LoadReport r, String heading) {
    assertAll(heading,
        () -> assertTrue(r.samples >= MIN_SAMPLES, "too few memory readings"),
        () -> assertTrue(r.peak.directUsed() - r.before.directUsed() < DIRECT_GROWTH_BOUND,
            "direct memory grew by 64 MiB or more"),
        () -> assertTrue(r.peak.heapUsed() - r.before.heapUsed() < HEAP_GROWTH_BOUND,
            "heap grew by 256 MiB or more"),
        () -> assertTrue(r.longestGapMillis < LONGEST_GAP_BOUND_MILLIS,
            "the witness waited 3 s or more for an update"),
        () -> assertTrue(r.witnessUpdates >= MIN_WITNESS_UPDATES,
            "the witness got fewer than " + MIN_WITNESS_UPDATES + " updates"),
        () -> assertNull(r.lateViewerProblem, "a viewer connecting after the load"),
        () -> assertTrue(r.serverAlive, "the server exited"));
  }

  private PlugvncServer start(int jmxPort) {
    return PlugvncServer.in(home).securityTypes("None").testPattern(WIDTH, HEIGHT)
        .config("org.plugvnc.server", "maxCutText", "1048576")
        // JMX without authentication, for this test only, bound to the loopback interface.
        .jvmArgument("-Dcom.sun.management.jmxremote.port=" + jmxPort)
        .jvmArgument("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort)
        .jvmArgument("-Dcom.sun.management.jmxremote.authenticate=false")
        .jvmArgument("-Dcom.sun.management.jmxremote.ssl=false")
        .jvmArgument("-Dcom.sun.management.jmxremote.host=127.0.0.1")
        .jvmArgument("-Djava.rmi.server.hostname=127.0.0.1")
        .jvmArgument("-XX:MaxDirectMemorySize=256m")
        .jvmArgument("-Xmx512m")
        .start("load-server.log");
  }

  /** The memory after a GC, or null when the server no longer answers. */
  private static Usage readAfterGc(JmxMemory jmx) {
    try {
      jmx.gc();
      return jmx.read();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Connects a new viewer and checks a full update of the top-left corner against the test
   * pattern.
   *
   * @return what went wrong, or null
   */
  private static String lateViewerProblem(int port) {
    try (Witness late = Witness.connect(port)) {
      return late.checkCorner(WIDTH, HEIGHT);
    } catch (IOException | RuntimeException e) {
      return "failed: " + e;
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void closeAll(List<FloodingViewer> flooders) {
    for (FloodingViewer flooder : flooders) {
      try {
        flooder.close();
      } catch (IOException e) {
        // closing is all that is left to do with it
      }
    }
  }
}
