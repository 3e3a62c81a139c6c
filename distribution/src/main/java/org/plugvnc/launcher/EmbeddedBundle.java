package org.plugvnc.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bundle carried inside the launcher as {@code bundles/<start level>/<file>.jar}.
 *
 * @param startLevel the OSGi start level it is started at (1 or more)
 * @param resource the resource name, e.g. {@code bundles/3/plugvnc-engine.jar}
 */
record EmbeddedBundle(int startLevel, String resource) {

  static final String PREFIX = "bundles/";

  /** By start level, then by resource name: the order they are installed and started in. */
  static final Comparator<EmbeddedBundle> START_ORDER =
      Comparator.comparingInt(EmbeddedBundle::startLevel).thenComparing(EmbeddedBundle::resource);

  /** The location the framework knows the bundle by; stable across runs. */
  String location() {
    return "plugvnc:" + resource;
  }

  /**
   * Reads a resource name of the form {@code bundles/<level>/<file>.jar}.
   *
   * @throws IllegalArgumentException when the name does not have that form; this is a packaging
   *     mistake, so the launcher refuses to start rather than guess
   */
  static EmbeddedBundle parse(String resource) {
    String[] parts = resource.split("/");
    if (parts.length != 3 || !resource.startsWith(PREFIX) || !parts[2].endsWith(".jar")) {
      throw new IllegalArgumentException("not bundles/<start level>/<name>.jar: " + resource);
    }
    int level;
    try {
      level = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("start level is not a number: " + resource, e);
    }
    if (level < 1) {
      throw new IllegalArgumentException("start level must be at least 1: " + resource);
    }
    return new EmbeddedBundle(level, resource);
  }

  /** Every bundle among the launcher's resources, in {@link #START_ORDER}. */
  static List<EmbeddedBundle> findAll(EmbeddedResources resources) {
    List<EmbeddedBundle> bundles = new ArrayList<>();
    for (String name : resources.list(PREFIX)) {
      bundles.add(parse(name));
    }
    bundles.sort(START_ORDER);
    return bundles;
  }
}
