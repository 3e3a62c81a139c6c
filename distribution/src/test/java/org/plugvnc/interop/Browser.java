package org.plugvnc.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headless Chromium for the browser tests: runs a Node script from {@code src/test/browser/}
 * (which launches Debian's {@code /usr/bin/chromium} through npm's playwright-core, see
 * {@code browser.cjs}) under {@code timeout}, with playwright-core resolvable through
 * {@code NODE_PATH}, its output captured in memory and in a log under {@link Interop#artefacts()}.
 *
 * <p>playwright-core lives outside the repository, in {@code $PLUGVNC_NODE_DIR} or else
 * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/plugvnc/node}, where scripts/install-test-deps.sh puts
 * it. A missing Chromium, node or playwright-core FAILS the test, as {@link RequiredTools} does.
 */
public final class Browser {

  /** Debian's chromium package puts its launcher here (also named in browser.cjs). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final Duration KILL_AFTER = Duration.ofSeconds(5);

  private Browser() {}

  /** What a script printed and how it ended. */
  public record Result(int exitCode, List<String> lines) {

    /**
     * The JSON text a script reported with {@code report(key, value)} (a line
     * {@code @@ key=JSON}); the last one when reported twice.
     */
    public Optional<String> value(String key) {
      String prefix = "@@ " + key + "=";
      Optional<String> found = Optional.empty();
      for (String line : lines) {
        if (line.startsWith(prefix)) {
          found = Optional.of(line.substring(prefix.length()));
        }
      }
      return found;
    }

    /** {@link #value} or an AssertionError carrying the whole output. */
    public String require(String key) {
      return value(key).orElseThrow(() -> new AssertionError(
          "the browser script reported no " + key + "; its output:\n" + output()));
    }

    public String output() {
      return String.join("\n", lines);
    }
  }

  /** The node_modules folder that holds playwright-core. */
  public static Path nodeModules() {
    String dir = System.getenv("PLUGVNC_NODE_DIR");
    if (dir == null || dir.isEmpty()) {
      String cache = System.getenv("XDG_CACHE_HOME");
      if (cache == null || cache.isEmpty()) {
        cache = Path.of(System.getProperty("user.home"), ".cache").toString();
      }
      dir = Path.of(cache, "plugvnc", "node").toString();
    }
    return Path.of(dir, "node_modules");
  }

  /** Where the browser scripts are: set by failsafe, else {@code src/test/browser}. */
  public static Path scripts() {
    return Path.of(System.getProperty("plugvnc.browser.scripts", "src/test/browser")).toAbsolutePath();
  }

  /**
   * @throws AssertionError naming what is missing of node, timeout, Chromium and playwright-core
   */
  public static void require() {
    RequiredTools.require("node", "timeout");
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian's chromium)");
    }
    if (!Files.isRegularFile(nodeModules().resolve("playwright-core/package.json"))) {
      missing.add("playwright-core in " + nodeModules());
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("missing for the browser tests: " + missing
          + " - run scripts/install-test-deps.sh (or scripts/test.sh, which runs it)");
    }
  }

  /**
   * Runs {@code src/test/browser/SCRIPT} with {@code arguments} and waits for it to end.
   *
   * @param timeout how long the script may run; it is killed after that (exit code 124)
   * @param logName the log file's name under {@link Interop#artefacts()}
   * @throws AssertionError when the script does not end in time (its output in the message)
   */
  public static Result run(String script, List<String> arguments, Duration timeout, String logName) {
    Path file = scripts().resolve(script);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no browser script " + file);
    }
    List<String> command = new ArrayList<>(List.of(
        "timeout", "--kill-after=" + KILL_AFTER.toSeconds(), Long.toString(timeout.toSeconds()),
        "node", file.toString()));
    command.addAll(arguments);
    Map<String, String> environment = Map.of(
        "NODE_PATH", nodeModules().toString(),
        // playwright-core never downloads a browser, but say so in case a script pulls more in.
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    try (ChildProcess node = ChildProcess.start(
        "browser " + script, command, environment, Interop.artefacts().resolve(logName))) {
      int exit = node.awaitExit(timeout.plus(KILL_AFTER).plusSeconds(10));
      return new Result(exit, node.lines());
    }
  }
}
