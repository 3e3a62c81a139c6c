package org.plugvnc.interop;

import java.time.Duration;
import java.util.Locale;
import org.plugvnc.interop.JmxMemory.Usage;

/** The figures of one {@link NonReadingViewersLoadIT} run, gathered as it goes, as one block. */
final class LoadReport {

  private static final double MIB = 1024.0 * 1024.0;

  final int viewers;
  final Duration load;
  final Usage before;
  final Usage peak;
  final int samples;
  final int missedSamples;
  long bytesSent;
  int blockedWrites;
  int closedByServer;
  int witnessUpdates;
  long longestGapMillis;
  String witnessFailure;
  Usage after;
  String lateViewerProblem;
  boolean serverAlive;
  long outOfMemoryLines;

  LoadReport(int viewers, Duration load, Usage before, Usage peak, int samples, int missedSamples) {
    this.viewers = viewers;
    this.load = load;
    this.before = before;
    this.peak = peak;
    this.samples = samples;
    this.missedSamples = missedSamples;
  }

  void flooder(long sent, int blocked, boolean closed) {
    bytesSent += sent;
    blockedWrites += blocked;
    closedByServer += closed ? 1 : 0;
  }

  void witness(int updates, long longestGap, String failure) {
    witnessUpdates = updates;
    longestGapMillis = longestGap;
    witnessFailure = failure;
  }

  /** @param usage after the load and a GC, or null when the server did not answer */
  void after(Usage usage) {
    after = usage;
  }

  /** @param problem what went wrong with a viewer connecting after the load, or null */
  void lateViewer(String problem) {
    lateViewerProblem = problem;
  }

  void server(boolean alive, long outOfMemoryLogLines) {
    serverAlive = alive;
    outOfMemoryLines = outOfMemoryLogLines;
  }

  String text() {
    StringBuilder b = new StringBuilder("NonReadingViewersLoadIT\n");
    line(b, "viewers", viewers + " non-reading + 1 witness");
    line(b, "duration", load.toMillis() / 1000.0 + " s");
    line(b, "bytes sent by the flooders",
        String.format(Locale.ROOT, "%d (%.1f MiB)", bytesSent, bytesSent / MIB));
    line(b, "heap used, MiB", memory(before.heapUsed(), peak.heapUsed(),
        after == null ? -1 : after.heapUsed()));
    line(b, "direct memory, MiB", memory(before.directUsed(), peak.directUsed(),
        after == null ? -1 : after.directUsed()));
    line(b, "memory readings", samples + " (" + missedSamples + " unanswered)");
    line(b, "witness updates", witnessUpdates + String.format(Locale.ROOT, " (%.1f/s)",
        witnessUpdates / (load.toMillis() / 1000.0)));
    line(b, "witness longest gap", longestGapMillis + " ms");
    if (witnessFailure != null) {
      line(b, "witness connection", witnessFailure);
    }
    line(b, "flooders the server closed", Integer.toString(closedByServer));
    line(b, "writes that blocked >= " + FloodingViewer.BLOCKED_AFTER.toSeconds() + " s",
        Integer.toString(blockedWrites));
    line(b, "late viewer", lateViewerProblem == null ? "ok" : lateViewerProblem);
    line(b, "server alive", serverAlive ? "yes" : "no");
    line(b, "OutOfMemoryError in server log", outOfMemoryLines + " line(s)");
    return b.toString();
  }

  private static String memory(long before, long peak, long after) {
    return String.format(Locale.ROOT, "before %.1f, peak %.1f, after %s", before / MIB, peak / MIB,
        after < 0 ? "unavailable" : String.format(Locale.ROOT, "%.1f", after / MIB));
  }

  private static void line(StringBuilder b, String name, String value) {
    b.append(String.format(Locale.ROOT, "  %-34s %s%n", name, value));
  }
}
