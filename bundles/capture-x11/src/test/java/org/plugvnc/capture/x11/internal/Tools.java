package org.plugvnc.capture.x11.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** A missing program FAILS the test (never skips it), pointing at the install script. */
final class Tools {

  private Tools() {}

  static void require(String... commands) {
    for (String command : commands) {
      boolean found = false;
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
        found |= Files.isRegularFile(candidate) && Files.isExecutable(candidate);
      }
      if (!found) {
        throw new AssertionError(command + " is not installed: run scripts/install-test-deps.sh");
      }
    }
  }
}
