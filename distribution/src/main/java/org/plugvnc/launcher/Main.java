package org.plugvnc.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts plugvnc: an embedded Apache Felix with the bundles this jar carries. Run it with {@code
 * java -jar plugvnc.jar [--home DIR] [--debug]}; {@code java -jar plugvnc.jar user ...} manages the
 * users file instead ({@link UserCommand}), without starting the framework.
 *
 * <p>Exit codes: 0 when the framework stopped by itself, 1 when the server could not start (or
 * the framework stopped on an error), 2 for a bad command line; after SIGTERM or Ctrl-C the JVM's
 * own 143 or 130, once the framework has stopped.
 *
 * <p>On SIGTERM or Ctrl-C a shutdown hook stops the framework and waits up to {@link
 * #STOP_TIMEOUT_MILLIS} so that components deactivate (the server closes its port and sessions)
 * before the JVM exits.
 */
public final class Main {

  static final long STOP_TIMEOUT_MILLIS = 10_000;

  /** How long start-up waits for etc/*.cfg to reach ConfigurationAdmin before going on anyway. */
  static final long CONFIGURATION_TIMEOUT_MILLIS = 5_000;

  private final ConsoleLog log = new ConsoleLog(System.err);
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  private Main() {}

  /** Entry point; see the class comment for arguments and exit codes. */
  public static void main(String[] args) {
    int code = new Main().run(args);
    System.exit(code);
  }

  private int run(String[] args) {
    LauncherOptions options;
    try {
      options = LauncherOptions.parse(args, System::getProperty);
    } catch (IllegalArgumentException e) {
      System.err.println("plugvnc: " + e.getMessage());
      System.err.print(LauncherOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      System.out.print(LauncherOptions.USAGE);
      return 0;
    }
    if (!options.command().isEmpty()) {
      return UserCommand.run(options.home(), options.command());
    }
    log.setDebug(isDebug(options.plugvncLogLevel()));
    prepareSystemProperties(options);
    try {
      return launch(options.home());
    } catch (LaunchException e) {
      log.error("plugvnc did not start: " + e.getMessage(), e.getCause());
      return 1;
    }
  }

  private static boolean isDebug(String level) {
    return "debug".equals(level) || "trace".equals(level);
  }

  private static void prepareSystemProperties(LauncherOptions options) {
    LoggingDefaults.apply(LoggingDefaults.defaults(options.plugvncLogLevel()), System.getProperties());
    LoggingDefaults.quietJavaUtilLogging();
    // A server has no screen of its own; a backend that needs AWT can be given -Djava.awt.headless=false.
    System.getProperties().putIfAbsent("java.awt.headless", "true");
    System.setProperty(LauncherOptions.HOME_PROPERTY, options.home().toString());
  }

  private int launch(Path homeDir) throws LaunchException {
    HomeLayout home = new HomeLayout(homeDir);
    EmbeddedResources resources = EmbeddedResources.ofLauncher();
    prepareHome(home, resources);
    List<EmbeddedBundle> bundles = EmbeddedBundle.findAll(resources);
    if (bundles.isEmpty()) {
      throw new LaunchException("no bundles inside " + resources.root() + " (broken build?)", null);
    }
    EmbeddedFramework framework =
        EmbeddedFramework.create(FrameworkSettings.forHome(home), log);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(framework), "plugvnc-shutdown"));
    try {
      ConfigurationWait configuration =
          new ConfigurationWait(home.etc(), CONFIGURATION_TIMEOUT_MILLIS, log);
      framework.start(bundles, resources, (level, context) -> {
        if (level == FrameworkSettings.PLUGIN_START_LEVEL) {
          configuration.await(context); // plugvnc's first components start at this level
        }
      });
      checkComponents(framework);
    } catch (LaunchException e) {
      shuttingDown.set(true);
      framework.stop(STOP_TIMEOUT_MILLIS);
      throw e;
    }
    log.info("framework started with " + framework.bundleCount() + " bundles in "
        + ManagementFactory.getRuntimeMXBean().getUptime() + " ms since JVM start; home "
        + home.home());
    boolean normal = framework.awaitStop();
    if (!shuttingDown.compareAndSet(false, true)) {
      return 0; // the shutdown hook is stopping us; the JVM exits when it is done
    }
    return normal ? 0 : 1;
  }

  /** A component that failed to activate (the port in use, say) fails the launch, clearly. */
  private static void checkComponents(EmbeddedFramework framework) throws LaunchException {
    List<String> failures;
    try {
      failures = ComponentCheck.failures(framework.context());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new LaunchException("cannot check plugvnc's components: " + e, e);
    }
    if (!failures.isEmpty()) {
      throw new LaunchException("plugvnc components failed to start: " + String.join("; ", failures),
          null);
    }
  }

  private void prepareHome(HomeLayout home, EmbeddedResources resources) throws LaunchException {
    try {
      home.create();
      home.dataProblem().ifPresent(problem -> log.error(problem, null));
      List<Path> examples = home.writeExamplesIfEmpty(resources);
      if (!examples.isEmpty()) {
        log.info("first run: wrote " + examples.size() + " example configuration files to "
            + home.etc() + " (every option commented out, so the defaults apply)");
      }
    } catch (IOException | RuntimeException e) {
      throw new LaunchException("cannot prepare the home directory " + home.home() + ": " + e, e);
    }
  }

  private void stopOnSignal(EmbeddedFramework framework) {
    if (!shuttingDown.compareAndSet(false, true)) {
      return;
    }
    log.info("stopping");
    if (framework.stop(STOP_TIMEOUT_MILLIS)) {
      log.info("stopped");
    } else {
      log.error("the framework did not stop within " + STOP_TIMEOUT_MILLIS + " ms", null);
    }
  }
}
