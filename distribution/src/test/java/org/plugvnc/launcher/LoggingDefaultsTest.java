package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoggingDefaultsTest {

  @Test
  void logsToStandardErrorWithTimeAtInfoAndNettyAtWarn() {
    Map<String, String> defaults = LoggingDefaults.defaults(null);

    assertEquals("System.err", defaults.get("org.slf4j.simpleLogger.logFile"));
    assertEquals("true", defaults.get("org.slf4j.simpleLogger.showDateTime"));
    assertEquals("info", defaults.get("org.slf4j.simpleLogger.defaultLogLevel"));
    assertEquals("warn", defaults.get("org.slf4j.simpleLogger.log.io.netty"));
    assertFalse(defaults.containsKey("org.slf4j.simpleLogger.log.org.plugvnc"));
  }

  @Test
  void aLevelForPlugvncIsPassedOn() {
    assertEquals(
        "debug", LoggingDefaults.defaults("debug").get("org.slf4j.simpleLogger.log.org.plugvnc"));
  }

  @Test
  void neverOverridesWhatTheUserSet() {
    Properties properties = new Properties();
    properties.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");

    LoggingDefaults.apply(LoggingDefaults.defaults("debug"), properties);

    assertEquals("error", properties.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    assertEquals("debug", properties.getProperty("org.slf4j.simpleLogger.log.org.plugvnc"));
    assertEquals("System.err", properties.getProperty("org.slf4j.simpleLogger.logFile"));
  }
}
