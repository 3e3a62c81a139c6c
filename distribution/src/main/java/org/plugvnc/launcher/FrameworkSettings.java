package org.plugvnc.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** The framework properties the launcher starts Felix with. */
final class FrameworkSettings {

  /** The start level the framework ends up at: every embedded bundle is at or below it. */
  /** The level of the first plugvnc bundles with components (the plug-ins). */
  static final int PLUGIN_START_LEVEL = 3;
  static final int FINAL_START_LEVEL = 4;

  private FrameworkSettings() {}

  /**
   * The properties for a home. The cache is wiped at every start: the bundles come from the jar,
   * so nothing in the cache is worth keeping, and a stale cache from another plugvnc version
   * would otherwise win over the bundles in the jar.
   */
  static Map<String, String> forHome(HomeLayout home) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("org.osgi.framework.storage", home.frameworkCache().toString());
    properties.put("org.osgi.framework.storage.clean", "onFirstInit");
    // The launcher raises the level itself, one level at a time, so that it can start each
    // bundle explicitly and report a failure synchronously (see EmbeddedFramework).
    properties.put("org.osgi.framework.startlevel.beginning", "1");
    // No org.osgi.framework.system.packages.extra: Netty's optional sun.misc import (Unsafe) is
    // already exported by Felix 7, which derives the system packages from the JDK's modules.
    properties.put("felix.log.level", "1");
    properties.put(LauncherOptions.HOME_PROPERTY, home.home().toString());
    properties.put("felix.fileinstall.dir", home.etc().toString());
    properties.put("felix.fileinstall.filter", ".*\\.cfg");
    properties.put("felix.fileinstall.poll", "1000");
    properties.put("felix.fileinstall.noInitialDelay", "true");
    properties.put("felix.fileinstall.log.level", "2");
    // Never write configuration back into etc/: with saving on, fileinstall 3.7.4 sometimes
    // empties a .cfg file it has just read (a race with its own ConfigurationAdmin events),
    // losing the user's settings. Nothing in plugvnc changes configuration through
    // ConfigurationAdmin, so there is nothing to save.
    properties.put("felix.fileinstall.enableConfigSave", "false");
    return properties;
  }
}
