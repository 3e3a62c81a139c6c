package org.plugvnc.launcher;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's own log lines, on standard error in the same shape as slf4j-simple's (which
 * prints everything logged inside the framework), so that one log reads as one stream. The
 * launcher cannot use slf4j itself: slf4j lives inside the framework as a bundle.
 */
final class ConsoleLog {

  /** The same pattern as {@link LoggingDefaults#DATE_TIME_FORMAT}. */
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern(LoggingDefaults.DATE_TIME_FORMAT);

  private static final String NAME = "org.plugvnc.launcher";

  private final PrintStream out;
  private volatile boolean debug;

  ConsoleLog(PrintStream out) {
    this.out = out;
  }

  void setDebug(boolean debug) {
    this.debug = debug;
  }

  void debug(String message) {
    if (debug) {
      print("DEBUG", message);
    }
  }

  void info(String message) {
    print("INFO", message);
  }

  void error(String message, Throwable cause) {
    print("ERROR", message);
    if (cause != null && debug) {
      cause.printStackTrace(out);
    }
  }

  private void print(String level, String message) {
    out.println(
        FORMAT.format(LocalDateTime.now())
            + " ["
            + Thread.currentThread().getName()
            + "] "
            + level
            + " "
            + NAME
            + " - "
            + message);
  }
}
