package org.plugvnc.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets keys in one of Karaf's {@code etc} files (Java properties syntax, as Karaf and Felix
 * fileinstall read them) while keeping the rest of the file: the key's current entry, with its
 * continuation lines, is removed and the new one appended.
 */
final class PropertiesFile {

  private PropertiesFile() {}

  /**
   * Gives {@code key} the value {@code value} in {@code file}, creating the file if need be.
   * Backslashes in the value are escaped; the value must be one line.
   */
  static void set(Path file, String key, String value) {
    try {
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      List<String> kept = new ArrayList<>();
      boolean continuation = false;
      for (String line : lines) {
        boolean skip = continuation || definesKey(line, key);
        continuation = skip && line.endsWith("\\");
        if (!skip) {
          kept.add(line);
        }
      }
      kept.add(key + " = " + value.replace("\\", "\\\\"));
      Files.write(file, kept);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot edit " + file, e);
    }
  }

  /** Appends a line as it is (for files keyed by user names, such as keys.properties). */
  static void append(Path file, String line) {
    try {
      Files.writeString(file, System.lineSeparator() + line + System.lineSeparator(),
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot edit " + file, e);
    }
  }

  private static boolean definesKey(String line, String key) {
    String trimmed = line.stripLeading();
    if (!trimmed.startsWith(key)) {
      return false;
    }
    String rest = trimmed.substring(key.length()).stripLeading();
    return rest.startsWith("=") || rest.startsWith(":");
  }
}
