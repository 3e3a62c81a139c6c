package org.plugvnc.itest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb started by a test: on a free display number the first time ({@code -displayfd}), and
 * again on the same number after {@link #kill}. {@code -noreset} keeps the screen when the last
 * client leaves. X clients (xsetroot, xwud, xrandr) run against it with {@link #run}.
 */
final class XvfbDisplay implements AutoCloseable {

  private final String screen;
  private final List<String> extra;
  private Process process;
  private String display;

  private XvfbDisplay(String screen, List<String> extra) {
    this.screen = screen;
    this.extra = extra;
  }

  /** Starts {@code Xvfb -screen 0 WxHxDEPTH} with {@code extra} arguments (such as -extension). */
  static XvfbDisplay start(int width, int height, int depth, String... extra) throws IOException {
    XvfbDisplay x = new XvfbDisplay(width + "x" + height + "x" + depth, List.of(extra));
    x.launch(null);
    return x;
  }

  /** The display name, such as {@code :12}. */
  String display() {
    return display;
  }

  /** Kills the server with SIGKILL, as a crash would, and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts a new server on the same display number. */
  void restart() throws IOException {
    launch(display);
  }

  /**
   * Runs an X client on this display and waits for it; returns its exit status.
   *
   * @throws AssertionError when it does not end within 20 s
   */
  int run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DISPLAY", display);
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 20 s");
    }
    return p.exitValue();
  }

  /** Runs an X client on this display to its end; what it printed (stdout and stderr). */
  String output(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 20 s");
    }
    return new String(out, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Starts an X client that stays, its output (stdout and stderr) readable; the caller destroys it. */
  Process watch(String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    return pb.start();
  }

  /** Starts an X client that stays (such as xwud); the caller destroys it. */
  Process spawn(String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DISPLAY", display);
    return pb.start();
  }

  private void launch(String fixed) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("Xvfb"));
    if (fixed != null) {
      cmd.add(fixed);
    }
    cmd.addAll(List.of("-displayfd", "1", "-screen", "0", screen, "-noreset", "-nolisten", "tcp"));
    cmd.addAll(extra);
    process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String line = out.readLine();
    if (line == null || !line.strip().matches("\\d+")) {
      process.destroyForcibly();
      throw new AssertionError("Xvfb " + cmd + " did not start (is the xvfb package installed?"
          + " scripts/install-test-deps.sh installs it)");
    }
    display = ":" + line.strip();
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes an XWD file (X11 XWDFile.h, version 7) of {@code rgb}: a 24-bit TrueColor ZPixmap,
   * 32 bits per pixel, most significant byte first, no colour entries.
   */
  static void writeXwd(Path file, int[] rgb, int width, int height) throws IOException {
    byte[] name = "plugvnc\0".getBytes(StandardCharsets.US_ASCII);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(100 + name.length + rgb.length * 4);
    int[] header = {100 + name.length, 7, 2, 24, width, height, 0, 1, 32, 1, 32, 32, width * 4,
        4, 0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0};
    for (int field : header) {
      b.putInt(field);
    }
    b.put(name);
    for (int p : rgb) {
      b.putInt(p & 0xFFFFFF);
    }
    java.nio.file.Files.write(file, b.array());
  }
}
