package org.plugvnc.capture.x11.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code xclip}: reading a selection, and owning one with given bytes. */
final class Xclip implements AutoCloseable {

  private final String display;
  private final List<Process> owners = new ArrayList<>();

  Xclip(String display) {
    Tools.require("xclip");
    this.display = display;
  }

  /** Runs {@code xclip -o}; returns its exit code and output. */
  Result read(String selection, String target) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("xclip", "-display", display, "-selection",
        selection, "-o"));
    if (target != null) {
      command.addAll(List.of("-t", target));
    }
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("xclip -o hung");
    }
    return new Result(process.exitValue(), out, new String(err, StandardCharsets.UTF_8));
  }

  /** Makes xclip (in the foreground, until closed) the owner of {@code selection}. */
  void own(String selection, String target, byte[] content) throws IOException {
    List<String> command = new ArrayList<>(List.of("xclip", "-display", display, "-selection",
        selection, "-i", "-quiet"));
    if (target != null) {
      command.addAll(List.of("-t", target));
    }
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    owners.add(process);
    try (OutputStream in = process.getOutputStream()) {
      in.write(content);
    }
  }

  record Result(int exit, byte[] out, String err) {
    String utf8() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    owners.forEach(Process::destroy);
  }
}
