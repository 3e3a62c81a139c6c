package org.plugvnc.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.plugvnc.interop.ChildProcess;
import org.plugvnc.interop.Interop;

/**
 * One Karaf for one test, unpacked fresh from its tar.gz (Karaf keeps its {@code data/} cache
 * between starts, so a reused one would not show a first install), with ports of its own for SSH
 * and JMX so that a developer's Karaf on the default ports is never hit, SSH on 127.0.0.1, the
 * console's key in {@code etc/keys.properties}, and only the Maven repositories the test names.
 * It runs headless as {@code bin/karaf server}, in its own directory.
 *
 * <p>{@link #close()} ends it in any state; put it in a {@link Cleanup} so that it runs even when
 * the test run is cut short.
 */
public final class KarafInstance implements AutoCloseable {

  private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLITE_STOP = Duration.ofSeconds(15);

  private final String name;
  private final Path home;
  private final int sshPort;
  private final KarafConsole console;
  private ChildProcess process;

  private KarafInstance(String name, Path home) {
    this.name = name;
    this.home = home;
    this.sshPort = Interop.freePort();
    this.console = KarafConsole.forPort(sshPort);
    Path etc = etc();
    PropertiesFile.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
    PropertiesFile.set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort",
        Integer.toString(sshPort));
    PropertiesFile.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort",
        Integer.toString(Interop.freePort()));
    PropertiesFile.set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort",
        Integer.toString(Interop.freePort()));
    PropertiesFile.append(etc.resolve("keys.properties"), console.keysPropertiesEntry());
  }

  /**
   * Unpacks {@code archive} (a Karaf tar.gz with one top directory) into {@code directory}, which
   * must be new or empty.
   *
   * @param name a short name for logs, e.g. {@code "hot-swap"}
   */
  public static KarafInstance unpack(String name, Path archive, Path directory) {
    try {
      Files.createDirectories(directory);
      Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", directory.toString())
          .redirectErrorStream(true).start();
      if (!tar.waitFor(UNPACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        tar.destroyForcibly();
        throw new AssertionError("tar did not unpack " + archive + " in time");
      }
      String output = new String(tar.getInputStream().readAllBytes());
      if (tar.exitValue() != 0) {
        throw new AssertionError("tar failed on " + archive + ": " + output);
      }
      try (Stream<Path> top = Files.list(directory)) {
        List<Path> dirs = top.filter(Files::isDirectory).toList();
        if (dirs.size() != 1) {
          throw new AssertionError(archive + " should hold one directory, it holds " + dirs);
        }
        return new KarafInstance(name, dirs.get(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + archive, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Lets Karaf's Maven resolver (pax-url) use only {@code repositories} (its
   * {@code org.ops4j.pax.url.mvn.repositories} value: empty for none), with {@code
   * localRepository} as its local repository and no settings.xml of the user's: it reads
   * {@code ~/.m2} otherwise. Its own {@code system/} directory and installed KARs stay.
   */
  public void mavenRepositories(String repositories, Path localRepository) {
    Path cfg = etc().resolve("org.ops4j.pax.url.mvn.cfg");
    try {
      Files.createDirectories(localRepository);
      Path settings = home.resolve("empty-maven-settings.xml");
      Files.writeString(settings, "<settings/>\n");
      PropertiesFile.set(cfg, "org.ops4j.pax.url.mvn.repositories", repositories);
      PropertiesFile.set(cfg, "org.ops4j.pax.url.mvn.localRepository", localRepository.toString());
      PropertiesFile.set(cfg, "org.ops4j.pax.url.mvn.settings", settings.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure " + cfg, e);
    }
  }

  /** Writes {@code etc/<pid>.cfg} with these keys, replacing the file. */
  public void configure(String pid, Map<String, String> properties) {
    Path file = etc().resolve(pid + ".cfg");
    List<String> lines = new ArrayList<>();
    properties.forEach((key, value) -> lines.add(key + " = " + value));
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Starts {@code bin/karaf server} in Karaf's directory, with this JVM's Java. */
  public void start() {
    process = ChildProcess.start(name + "-karaf",
        List.of("/bin/sh", "-c", "cd \"$0\" && exec bin/karaf server", home.toString()),
        Map.of("JAVA_HOME", System.getProperty("java.home")),
        Interop.artefacts().resolve(name + "-karaf-console.log"));
  }

  /**
   * Stops Karaf with {@code bin/stop} and waits for it to exit.
   *
   * @return its exit status
   * @throws AssertionError when {@code bin/stop} fails or Karaf is still running after
   *     {@code timeout}
   */
  public int stop(Duration timeout) {
    try {
      ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/stop").toString())
          .directory(home.toFile())
          .redirectErrorStream(true);
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process stop = builder.start();
      stop.getOutputStream().close();
      if (!stop.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        stop.destroyForcibly();
        throw new AssertionError("bin/stop did not return within " + timeout.toSeconds() + " s");
      }
      String output = new String(stop.getInputStream().readAllBytes());
      if (stop.exitValue() != 0) {
        throw new AssertionError("bin/stop failed (" + stop.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run bin/stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return process.awaitExit(timeout);
  }

  /**
   * Waits until plugvnc's port accepts RFB connections.
   *
   * @return the time waited
   * @throws AssertionError after {@code timeout}, with the end of Karaf's log
   */
  public Duration awaitVncPort(int port, Duration timeout) {
    try {
      return RfbPort.awaitAccepting(port, timeout);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- the end of " + this + "'s log:\n"
          + logTail(40), e);
    }
  }

  public KarafConsole console() {
    return console;
  }

  public Path home() {
    return home;
  }

  public Path etc() {
    return home.resolve("etc");
  }

  public Path deploy() {
    return home.resolve("deploy");
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The last {@code count} lines of {@code data/log/karaf.log}, for failure messages. */
  public String logTail(int count) {
    Path log = home.resolve("data/log/karaf.log");
    try {
      if (!Files.exists(log)) {
        return "(no " + log + ")";
      }
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Whether {@code data/log/karaf.log} has a line containing {@code text}. */
  public boolean logContains(String text) {
    Path log = home.resolve("data/log/karaf.log");
    try (Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Ends Karaf if it still runs: SIGTERM to its JVM (Karaf stops its framework on it), then,
   * after a grace period, by force.
   */
  @Override
  public void close() {
    try {
      kill();
    } finally {
      console.close();
    }
  }

  private void kill() {
    if (process == null) {
      return;
    }
    ProcessHandle script = ProcessHandle.of(process.pid()).orElse(null);
    List<ProcessHandle> jvms = script == null ? List.of() : script.descendants().toList();
    jvms.forEach(ProcessHandle::destroy);
    for (ProcessHandle jvm : jvms) {
      try {
        jvm.onExit().get(POLITE_STOP.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        jvm.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jvm.destroyForcibly();
      }
    }
    process.close();
  }

  @Override
  public String toString() {
    return name + " Karaf in " + home;
  }
}
