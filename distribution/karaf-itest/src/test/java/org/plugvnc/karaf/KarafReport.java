package org.plugvnc.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.plugvnc.interop.Interop;

/**
 * The figures of the Karaf tests: printed, and appended to {@code target/karaf-report.txt},
 * which the first line of a test run starts afresh.
 */
final class KarafReport {

  private static final Path FILE = Interop.targetDirectory().resolve("karaf-report.txt");
  private static boolean started;

  private KarafReport() {}

  /** Records one line, e.g. {@code ("hot swap", "viewers dropped: 0")}. */
  static synchronized void line(String test, String text) {
    String line = test + ": " + text;
    System.out.println("[karaf-report] " + line);
    try {
      if (!started) {
        Files.createDirectories(FILE.getParent());
        Files.deleteIfExists(FILE);
        started = true;
      }
      Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
  }
}
