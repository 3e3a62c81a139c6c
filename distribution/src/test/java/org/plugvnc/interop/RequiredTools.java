package org.plugvnc.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the programs an interop test drives are installed. A missing one FAILS the test
 * (never skips it), pointing at the script that installs them.
 */
public final class RequiredTools {

  private RequiredTools() {}

  /**
   * @throws AssertionError naming every program of {@code commands} that is not on the PATH
   */
  public static void require(String... commands) {
    List<String> missing = new ArrayList<>();
    for (String command : commands) {
      if (find(command) == null) {
        missing.add(command);
      }
    }
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "missing programs for the real-viewer tests: " + missing
              + " - run scripts/install-test-deps.sh (or scripts/test.sh, which runs it)");
    }
  }

  /** The executable named {@code command} on the PATH, or null. */
  public static Path find(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
