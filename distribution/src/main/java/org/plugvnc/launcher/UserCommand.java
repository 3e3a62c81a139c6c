package org.plugvnc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.UserDirectory;
import org.plugvnc.credentials.file.internal.UsersFileManager;

/**
 * {@code user add NAME [--view-only] [--password-stdin]}, {@code user remove NAME} and {@code user
 * list}: edits the users file of a home directory without starting the framework.
 *
 * <p>Why the launcher links the users-file bundle's manager directly: it is the one place that
 * knows the file's format, and starting Felix, SCR and ConfigAdmin just to reach its {@link
 * UserDirectory} service would take seconds and open the server's port. The build unpacks that
 * bundle's classes and the API's into the launcher jar (they never reach the framework's bundles,
 * which see only their own copies). Which file and iteration count are used follows the bundle's
 * configuration file, {@code etc/org.plugvnc.credentials.file.cfg}, when it sets them.
 *
 * <p>Exit codes: 0 done, 1 the change failed (nothing changed), 2 a bad command line.
 */
final class UserCommand {

  /** The word that starts this sub-command. */
  static final String NAME = "user";

  /** The users-file bundle's configuration, as fileinstall reads it. */
  static final String CONFIGURATION = "org.plugvnc.credentials.file.cfg";

  /** Iterations for new entries when the configuration sets none (the bundle's default). */
  static final int DEFAULT_ITERATIONS = 600_000;

  /** What the command line asks for. */
  record Request(String action, String name, boolean viewOnly, boolean passwordStdin) {}

  private UserCommand() {}

  /** Runs {@code args} (starting with {@code user}) against {@code home}'s users file. */
  static int run(Path home, List<String> args) {
    Request request;
    try {
      request = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("plugvnc: " + e.getMessage());
      System.err.print(LauncherOptions.USAGE);
      return 2;
    }
    try {
      UserDirectory users = directory(home);
      return execute(request, users, System.out, () -> PasswordInput.read(request.passwordStdin(),
          System.in, System.err));
    } catch (IOException | RuntimeException e) {
      System.err.println("plugvnc: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The request {@code args} make.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static Request parse(List<String> args) {
    if (args.size() < 2 || !args.get(0).equals(NAME)) {
      throw new IllegalArgumentException("user needs add, remove or list");
    }
    String action = args.get(1);
    List<String> rest = args.subList(2, args.size());
    boolean viewOnly = rest.contains("--view-only");
    boolean passwordStdin = rest.contains("--password-stdin");
    List<String> names = rest.stream().filter(a -> !a.startsWith("--")).toList();
    List<String> unknown = rest.stream().filter(a -> a.startsWith("--")
        && !(action.equals("add") && (a.equals("--view-only") || a.equals("--password-stdin"))))
        .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown argument for user " + action + ": " + unknown.get(0));
    }
    switch (action) {
      case "add", "remove" -> {
        if (names.size() != 1) {
          throw new IllegalArgumentException("user " + action + " needs one user name");
        }
        return new Request(action, names.get(0), viewOnly, passwordStdin);
      }
      case "list" -> {
        if (!names.isEmpty()) {
          throw new IllegalArgumentException("user list takes no name");
        }
        return new Request(action, null, false, false);
      }
      default -> throw new IllegalArgumentException("unknown user action: " + action
          + " (add, remove or list)");
    }
  }

  /** Reads a new password, for the caller to wipe. */
  @FunctionalInterface
  interface PasswordSource {
    char[] read() throws IOException;
  }

  /** Carries {@code request} out on {@code users}, reporting to {@code out}. */
  static int execute(Request request, UserDirectory users, PrintStream out, PasswordSource passwords)
      throws IOException {
    switch (request.action()) {
      case "add" -> {
        char[] password = passwords.read();
        try {
          boolean replaced = users.put(request.name(), password, request.viewOnly());
          out.println((replaced ? "Replaced user " : "Added user ") + request.name() + " ("
              + rights(request.viewOnly()) + ") in " + users.location());
        } finally {
          Arrays.fill(password, '\0');
        }
        return 0;
      }
      case "remove" -> {
        if (!users.remove(request.name())) {
          System.err.println("plugvnc: there is no user " + request.name() + " in " + users.location());
          return 1;
        }
        out.println("Removed user " + request.name() + " from " + users.location());
        return 0;
      }
      default -> {
        List<Identity> list = users.list();
        if (list.isEmpty()) {
          out.println("No users in " + users.location());
        }
        int width = list.stream().mapToInt(u -> u.name().length()).max().orElse(0);
        list.forEach(u -> out.println(String.format("%-" + width + "s  %s", u.name(), rights(u.viewOnly()))));
        return 0;
      }
    }
  }

  private static String rights(boolean viewOnly) {
    return viewOnly ? "view-only" : "full";
  }

  /** The users file and iteration count {@code home}'s configuration names, or the defaults. */
  static UserDirectory directory(Path home) throws IOException {
    Properties configuration = new Properties();
    Path file = home.resolve("etc").resolve(CONFIGURATION);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file);
          Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
        configuration.load(reader);
      }
    }
    String iterations = configuration.getProperty("iterations", "").trim();
    int count;
    try {
      count = iterations.isEmpty() ? DEFAULT_ITERATIONS : Integer.parseInt(iterations);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": iterations is not a number: " + iterations);
    }
    try {
      return new UsersFileManager(
          UsersFileManager.usersFile(home, configuration.getProperty("usersFile", "")), count);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": iterations " + e.getMessage().replaceFirst("^has an iteration count ", ""));
    }
  }
}
