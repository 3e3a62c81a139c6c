package org.plugvnc.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the command line and the {@code plugvnc.*} system properties ask the launcher to do.
 *
 * <p>Precedence: a command-line flag beats the matching system property, which beats the default.
 *
 * @param home the server's home directory, absolute and normalised
 * @param plugvncLogLevel the slf4j-simple level for the {@code org.plugvnc} loggers, or null to
 *     leave them at the default level
 * @param help true when only the usage text was asked for
 * @param command a sub-command and its arguments ({@code user add NAME}, say), or empty to run the
 *     server
 */
record LauncherOptions(Path home, String plugvncLogLevel, boolean help, List<String> command) {

  /** System property naming the home directory (also passed on as a framework property). */
  static final String HOME_PROPERTY = "plugvnc.home";

  /** System property setting plugvnc's log level, e.g. {@code -Dplugvnc.log=debug}. */
  static final String LOG_PROPERTY = "plugvnc.log";

  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

  static final String USAGE =
      """
      Usage: java [-Dplugvnc.home=DIR] [-Dplugvnc.log=LEVEL] -jar plugvnc.jar [options]
             java -jar plugvnc.jar [--home DIR] user add NAME [--view-only] [--password-stdin]
             java -jar plugvnc.jar [--home DIR] user remove NAME
             java -jar plugvnc.jar [--home DIR] user list

      The user sub-commands edit the users file (DIR/etc/users, or the usersFile of
      DIR/etc/org.plugvnc.credentials.file.cfg) without starting the server; a running server
      reads the change at the next login. "user add" asks for the password twice without echo,
      or reads one line from standard input with --password-stdin or without a terminal.

      Options:
        --home DIR   the server's home (default: ~/.plugvnc); configuration is read from
                     DIR/etc/*.cfg (live), secrets and the OSGi cache live in DIR/data
        --debug      log plugvnc at DEBUG level (same as -Dplugvnc.log=debug)
        --help       print this text and exit
      """;

  /**
   * Reads the options.
   *
   * @param args the command-line arguments
   * @param systemProperty looks up a system property, null when absent
   * @throws IllegalArgumentException for an unknown argument, a missing value or an unknown level;
   *     the message is meant for the user
   */
  static LauncherOptions parse(String[] args, UnaryOperator<String> systemProperty) {
    String home = systemProperty.apply(HOME_PROPERTY);
    String level = systemProperty.apply(LOG_PROPERTY);
    boolean help = false;
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--home")) {
        if (i + 1 >= args.length || args[i + 1].isEmpty()) {
          throw new IllegalArgumentException("--home needs a directory");
        }
        home = args[++i];
      } else if (arg.startsWith("--home=")) {
        home = requireValue(arg, arg.substring("--home=".length()));
      } else if (arg.equals("--debug")) {
        level = "debug";
      } else if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (!command.isEmpty() || arg.equals(UserCommand.NAME)) {
        command.add(arg); // the sub-command checks its own arguments
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return new LauncherOptions(resolveHome(home, systemProperty), normaliseLevel(level), help,
        List.copyOf(command));
  }

  private static String requireValue(String arg, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(arg + " needs a value");
    }
    return value;
  }

  private static Path resolveHome(String home, UnaryOperator<String> systemProperty) {
    Path path;
    if (home == null || home.isBlank()) {
      path = Path.of(systemProperty.apply("user.home"), ".plugvnc");
    } else {
      path = Path.of(home);
    }
    return path.toAbsolutePath().normalize();
  }

  private static String normaliseLevel(String level) {
    if (level == null || level.isBlank()) {
      return null;
    }
    String lower = level.trim().toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(lower)) {
      throw new IllegalArgumentException(
          "unknown log level '" + level + "' for " + LOG_PROPERTY + "; one of " + LEVELS);
    }
    return lower;
  }
}
