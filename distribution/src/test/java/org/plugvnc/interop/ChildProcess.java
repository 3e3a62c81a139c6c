package org.plugvnc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program started by an interop test: its standard output and error, merged, are kept in
 * memory (for waiting on a line and for failure messages) and copied to a log file. Closing it
 * ends it and everything it started, first politely (SIGTERM), then by force.
 */
public final class ChildProcess implements AutoCloseable {

  private static final Duration POLITE_STOP = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread pump;
  private Writer input;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.pump = new Thread(() -> pump(log), "output of " + name);
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Starts {@code command}.
   *
   * @param name a short name for messages and the log file, e.g. {@code "plugvnc"}
   * @param environment variables to add to this JVM's environment; a null value removes one
   * @param log where to copy the output (its directory is created)
   * @throws UncheckedIOException when the program cannot be started
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.forEach((key, value) -> {
      if (value == null) {
        builder.environment().remove(key);
      } else {
        builder.environment().put(key, value);
      }
    });
    try {
      Files.createDirectories(log.getParent());
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  private void pump(Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.write('\n');
        out.flush();
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process went away; what was read is kept
    }
  }

  /**
   * Waits for a line containing {@code text}.
   *
   * @return the line
   * @throws AssertionError when the program exits or {@code timeout} passes first; the message
   *     carries its output
   */
  public String awaitLine(String text, Duration timeout) {
    return awaitLine(line -> line.contains(text), "a line containing '" + text + "'", timeout);
  }

  /** Like {@link #awaitLine(String, Duration)} with any test on the line. */
  public String awaitLine(Predicate<String> test, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    synchronized (lines) {
      while (true) {
        for (; checked < lines.size(); checked++) {
          if (test.test(lines.get(checked))) {
            return lines.get(checked);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!pump.isAlive() && checked == lines.size())) {
          throw new AssertionError(
              name + " did not print " + what + " within " + timeout.toSeconds() + " s"
                  + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                  + "; its output:\n" + output());
        }
        try {
          lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + name, e);
        }
      }
    }
  }

  /**
   * Waits for the program to exit by itself.
   *
   * @return its exit code
   * @throws AssertionError when it is still running after {@code timeout}
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            name + " still runs after " + timeout.toSeconds() + " s; its output:\n" + output());
      }
      pump.join(2000); // let the last lines arrive
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
  }

  /**
   * Sends SIGTERM (on Unix) without waiting. Through the process handle, because {@link
   * Process#destroy()} also closes our end of its output, losing what it prints while stopping.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /**
   * Writes {@code line} and a newline to the program's standard input and flushes it: for a
   * program driven line by line (the browser driver).
   *
   * @throws UncheckedIOException when the program has closed its input (it exited)
   */
  public void writeLine(String line) {
    try {
      Writer in = input();
      in.write(line);
      in.write('\n');
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " takes no more input", e);
    }
  }

  private synchronized Writer input() {
    if (input == null) {
      input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }
    return input;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Everything it printed so far, one line per line. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Everything it printed so far, as lines. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Ends the program and its descendants: SIGTERM, then SIGKILL after a grace period. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    terminate();
    try {
      if (!process.waitFor(POLITE_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(POLITE_STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
