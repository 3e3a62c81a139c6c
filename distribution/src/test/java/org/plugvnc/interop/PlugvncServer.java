package org.plugvnc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The built plugvnc jar running as a separate JVM, the way a user runs it, with a home directory
 * whose {@code etc/} the test fills first.
 */
public final class PlugvncServer implements AutoCloseable {

  /** What the engine logs once it accepts connections. */
  public static final String LISTENING = "plugvnc: listening on";

  /** What the launcher logs once every bundle has started. */
  public static final String FRAMEWORK_STARTED = "org.plugvnc.launcher - framework started";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path home;
  private final int port;
  private final ChildProcess process;

  private PlugvncServer(Path home, int port, ChildProcess process) {
    this.home = home;
    this.port = port;
    this.process = process;
  }

  /** Starts building a server with its home at {@code home}. */
  public static Builder in(Path home) {
    return new Builder(home);
  }

  public int port() {
    return port;
  }

  public Path home() {
    return home;
  }

  /** The public certificate the VeNCrypt bundle generates, for viewers to trust. */
  public Path certificateFile() {
    return home.resolve("data/vencrypt-cert.pem");
  }

  /** The VNC password file the server generates (TigerVNC's obfuscated 8-byte format). */
  public Path passwordFile() {
    return home.resolve("data/vncpasswd");
  }

  /**
   * Waits until the server has written its VNC password file (the security bundle may activate
   * a moment after the engine starts listening).
   *
   * @throws AssertionError with the server's output when it does not appear in time
   */
  public Path awaitPasswordFile(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path file = passwordFile();
    while (!isReadableFile(file)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError("the server wrote no " + file + " within " + timeout.toSeconds()
            + " s; its output:\n" + output());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return file;
  }

  private static boolean isReadableFile(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) >= 8;
    } catch (IOException e) {
      return false;
    }
  }

  public ChildProcess process() {
    return process;
  }

  /** The server's log so far, for failure messages. */
  public String output() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
  }

  /** Configuration for one run; each PID becomes {@code etc/<pid>.cfg}. */
  public static final class Builder {

    private final Path home;
    private final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
    private final List<String> jvmArguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int port = Interop.freePort();

    private Builder(Path home) {
      this.home = home;
      config("org.plugvnc.server", "port", Integer.toString(port));
    }

    /**
     * Listens on {@code port} instead of a free port chosen by the builder: for viewers that take
     * only a display number (port 5900 + display).
     */
    public Builder port(int port) {
      this.port = port;
      return config("org.plugvnc.server", "port", Integer.toString(port));
    }

    /** Sets one key of one PID's configuration. */
    public Builder config(String pid, String key, String value) {
      configurations.computeIfAbsent(pid, p -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    /** Sets the server's security types, e.g. {@code "None"} or {@code "VncAuth"}. */
    public Builder securityTypes(String types) {
      return config("org.plugvnc.server", "securityTypes", types);
    }

    /** Serves the virtual desktop's test pattern at {@code width x height}. */
    public Builder testPattern(int width, int height) {
      config("org.plugvnc.capture.virtual", "mode", "test-pattern");
      config("org.plugvnc.capture.virtual", "width", Integer.toString(width));
      return config("org.plugvnc.capture.virtual", "height", Integer.toString(height));
    }

    /**
     * Adds a user to the home's users file before the start, through the jar's own
     * {@code user add NAME --password-stdin} (what an operator runs).
     */
    public Builder user(String name, String password, boolean viewOnly) {
      writeConfiguration();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", Interop.distributionJar().toString(), "--home", home.toString(),
          "user", "add", name, "--password-stdin"));
      if (viewOnly) {
        command.add("--view-only");
      }
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new AssertionError("user add " + name + " failed:\n" + out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      return this;
    }

    /** Adds a JVM argument, e.g. {@code -Dplugvnc.log=debug}. */
    public Builder jvmArgument(String argument) {
      jvmArguments.add(argument);
      return this;
    }

    /** Sets an environment variable of the server's JVM, e.g. DISPLAY; null removes it. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /**
     * Writes the configuration, starts the jar and waits until the engine listens.
     *
     * @param logName the log file's name under {@code target/interop/}
     * @throws AssertionError with the server's output when it does not listen within 60 s
     */
    public PlugvncServer start(String logName) {
      writeConfiguration();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Dplugvnc.home=" + home);
      command.addAll(jvmArguments);
      command.add("-jar");
      command.add(Interop.distributionJar().toString());
      ChildProcess process =
          ChildProcess.start("plugvnc", command, environment, Interop.artefacts().resolve(logName));
      try {
        // The configured port, not just any: a server that came up on its default port first
        // would not be the one the test configured.
        process.awaitLine(
            line -> line.matches(".*" + Pattern.quote(LISTENING) + " \\S*:" + port + "\\b.*"),
            "'" + LISTENING + " ...:" + port + "'",
            START_TIMEOUT);
        // Plug-ins (security types, encoders) in the same start level may register a moment
        // after the engine listens; the launcher says when every bundle has started.
        process.awaitLine(FRAMEWORK_STARTED, START_TIMEOUT);
      } catch (AssertionError e) {
        process.close();
        throw e;
      }
      return new PlugvncServer(home, port, process);
    }

    private void writeConfiguration() {
      try {
        Files.createDirectories(home.resolve("etc"));
        for (Map.Entry<String, Map<String, String>> pid : configurations.entrySet()) {
          StringBuilder text = new StringBuilder();
          pid.getValue().forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
          Files.writeString(home.resolve("etc").resolve(pid.getKey() + ".cfg"), text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the configuration under " + home, e);
      }
    }
  }
}
