package org.plugvnc.api.files;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The plugvnc home directory: the framework property {@code plugvnc.home}; in Karaf, when that is
 * not set, {@code ${karaf.data}/plugvnc}; else the working directory. Relative paths in every
 * bundle's configuration are taken relative to it, and generated secrets live in its {@code data}
 * directory.
 */
public final class PlugvncHome {

  /** Framework property naming the home directory. */
  public static final String HOME_PROPERTY = "plugvnc.home";

  /** Karaf's data directory property: in Karaf the home is {@code ${karaf.data}/plugvnc}. */
  public static final String KARAF_DATA_PROPERTY = "karaf.data";

  private PlugvncHome() {}

  /**
   * The home directory as {@code property} gives it (a framework property lookup, such as {@code
   * BundleContext::getProperty}).
   */
  public static Path of(UnaryOperator<String> property) {
    String home = property.apply(HOME_PROPERTY);
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    String karafData = property.apply(KARAF_DATA_PROPERTY);
    if (karafData != null && !karafData.isBlank()) {
      return Path.of(karafData, "plugvnc");
    }
    return Path.of(".");
  }

  /**
   * {@code configured} taken relative to {@code home} when it is relative, or {@code fallback}
   * (itself relative to {@code home}) when it is blank.
   */
  public static Path resolve(Path home, String configured, String fallback) {
    String path = configured == null || configured.isBlank() ? fallback : configured.trim();
    return home.resolve(path);
  }
}
