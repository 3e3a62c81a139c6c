package org.plugvnc.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets up slf4j-simple (the logging provider inside the framework) through system properties,
 * which is the only way it is configured. A property the user already set with {@code -D} is never
 * overridden, so any default here can be changed on the command line.
 */
final class LoggingDefaults {

  /** The time stamp format of every log line. */
  static final String DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";

  private static final String PREFIX = "org.slf4j.simpleLogger.";

  /**
   * SPI Fly logs through java.util.logging, at INFO, one line per provider it wires: noise in a
   * server log. Kept in a field because java.util.logging holds loggers weakly and would forget
   * the level.
   */
  private static final Logger SPIFLY = Logger.getLogger("org.apache.aries.spifly");

  private LoggingDefaults() {}

  /**
   * The properties to set: everything to standard error, with a time stamp, at INFO; Netty only
   * from WARN because its INFO/DEBUG lines describe its own internals, not the server.
   *
   * @param plugvncLevel the level for {@code org.plugvnc.*}, or null for the default level
   */
  static Map<String, String> defaults(String plugvncLevel) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(PREFIX + "logFile", "System.err");
    defaults.put(PREFIX + "showDateTime", "true");
    defaults.put(PREFIX + "dateTimeFormat", DATE_TIME_FORMAT);
    defaults.put(PREFIX + "defaultLogLevel", "info");
    defaults.put(PREFIX + "showShortLogName", "false");
    defaults.put(PREFIX + "log.io.netty", "warn");
    if (plugvncLevel != null) {
      defaults.put(PREFIX + "log.org.plugvnc", plugvncLevel);
    }
    return defaults;
  }

  /** Sets each default in {@code target} unless a value is already there. */
  static void apply(Map<String, String> defaults, Properties target) {
    defaults.forEach(target::putIfAbsent);
  }

  /**
   * Raises java.util.logging's level for SPI Fly to WARNING, unless the user configured
   * java.util.logging with a file of their own.
   */
  static void quietJavaUtilLogging() {
    if (System.getProperty("java.util.logging.config.file") == null) {
      SPIFLY.setLevel(Level.WARNING);
    }
  }
}
