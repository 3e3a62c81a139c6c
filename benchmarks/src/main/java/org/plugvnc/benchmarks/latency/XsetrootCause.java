package org.plugvnc.benchmarks.latency;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An X client repaints the whole screen: {@code xsetroot -solid '#RRGGBB'} on the display the
 * backend captures, run as its own process as a user's application would.
 */
final class XsetrootCause implements Cause {

  private final String display;

  XsetrootCause(String display) {
    this.display = display;
  }

  @Override
  public String describe() {
    return "xsetroot -solid (whole screen)";
  }

  @Override
  public Running start(int rgb) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("xsetroot", "-solid",
        String.format(Locale.ROOT, "#%06x", rgb))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("DISPLAY", display);
    Process process = builder.start();
    // Completed by the JDK's process reaper the moment the process ends, however late it is read.
    CompletableFuture<long[]> ended =
        process.onExit().thenApply(p -> new long[] {System.nanoTime(), p.exitValue()});
    return () -> {
      try {
        long[] end = ended.get();
        if (end[1] != 0) {
          throw new IOException("xsetroot ended with " + end[1] + " on display " + display);
        }
        return end[0];
      } catch (ExecutionException e) {
        throw new IOException("xsetroot failed", e.getCause());
      }
    };
  }

  @Override
  public int[] area(int screenWidth, int screenHeight) {
    return new int[] {0, 0, screenWidth, screenHeight};
  }
}
