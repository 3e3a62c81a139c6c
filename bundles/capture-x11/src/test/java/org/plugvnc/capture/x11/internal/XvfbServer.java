package org.plugvnc.capture.x11.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Xvfb for a test, on a display number it picks itself ({@code -displayfd}), with
 * {@code -noreset} so that the keymap and selections survive clients coming and going.
 */
final class XvfbServer implements AutoCloseable {

  private final Process process;
  private final String display;

  private XvfbServer(Process process, String display) {
    this.process = process;
    this.display = display;
  }

  static XvfbServer start() throws IOException {
    Tools.require("Xvfb");
    Path log = Files.createTempFile("xvfb", ".log");
    Process process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24",
        "-noreset", "-nolisten", "tcp")
        .redirectError(log.toFile())
        .start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String line = out.readLine();
    if (line == null || !line.strip().matches("\\d+")) {
      process.destroyForcibly();
      throw new AssertionError("Xvfb did not start: " + Files.readString(log));
    }
    return new XvfbServer(process, ":" + line.strip());
  }

  String display() {
    return display;
  }

  /** Stops (SIGSTOP) or continues (SIGCONT) the server: a stopped one is a hung X server. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + signal + " failed");
    }
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new AssertionError("Xvfb did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }
}
