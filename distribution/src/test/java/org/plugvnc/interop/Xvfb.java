package org.plugvnc.interop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X display for a viewer to draw on, and screenshots of it. Xvfb picks a free display
 * number itself ({@code -displayfd}) so that parallel runs and a developer's own X servers are
 * never hit. {@code -noreset} keeps the screen when the last client goes.
 */
public final class Xvfb implements AutoCloseable {

  private final ChildProcess process;
  private final String display;

  private Xvfb(ChildProcess process, String display) {
    this.process = process;
    this.display = display;
  }

  /**
   * Starts an X server with one screen of {@code width x height} at depth 24.
   *
   * @throws AssertionError when it does not come up within 20 s
   */
  public static Xvfb start(int width, int height, Path log) {
    ChildProcess process =
        ChildProcess.start(
            "Xvfb",
            List.of("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                "-noreset", "-nolisten", "tcp"),
            Map.of(),
            log);
    try {
      String number = process.awaitLine(line -> line.strip().matches("\\d+"),
          "its display number", Duration.ofSeconds(20)).strip();
      return new Xvfb(process, ":" + number);
    } catch (AssertionError e) {
      process.close();
      throw e;
    }
  }

  /** The display name, e.g. {@code :3}, for DISPLAY. */
  public String display() {
    return display;
  }

  /**
   * Grabs the whole screen with {@code xwd}.
   *
   * @throws AssertionError when xwd fails
   */
  public BufferedImage screenshot() {
    try {
      Process xwd =
          new ProcessBuilder("xwd", "-root", "-silent", "-display", display)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] dump = xwd.getInputStream().readAllBytes();
      if (!xwd.waitFor(20, TimeUnit.SECONDS) || xwd.exitValue() != 0) {
        throw new AssertionError("xwd on " + display + " failed");
      }
      return XwdImage.decode(dump);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take a screenshot of " + display, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
