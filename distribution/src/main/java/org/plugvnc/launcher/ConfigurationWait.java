package org.plugvnc.launcher;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Waits until ConfigurationAdmin holds a configuration for every {@code etc/*.cfg} file, so that
 * the plugvnc components see the user's configuration when they first activate.
 *
 * <p>Why: components that activate before their configuration exists start with their defaults
 * and are reconfigured a moment later: the server would briefly listen on its default port (which
 * may belong to another server), and a viewer connecting at once would see the default desktop.
 * Normally nothing needs waiting for, because fileinstall's first scan runs while it starts
 * ({@code noInitialDelay}) and ConfigurationAdmin happens to start before it in start level 2;
 * this turns that accident of bundle order into a checked guarantee.
 *
 * <p>ConfigurationAdmin's API lives in its bundle, not in the launcher's class path, so it is
 * called reflectively through that bundle's class loader.
 */
final class ConfigurationWait {

  /** The property fileinstall puts on each configuration it made: the file's URI. */
  static final String FILENAME_PROPERTY = "felix.fileinstall.filename";

  private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
  private static final long POLL_MILLIS = 20;

  private final Path etc;
  private final long timeoutMillis;
  private final ConsoleLog log;

  ConfigurationWait(Path etc, long timeoutMillis, ConsoleLog log) {
    this.etc = etc;
    this.timeoutMillis = timeoutMillis;
    this.log = log;
  }

  /**
   * Waits until every {@code .cfg} file in {@code etc/} has its configuration, or the timeout
   * passes (then a line names the files still missing and start-up goes on: a file fileinstall
   * cannot parse must not stop the server). Returns at once when ConfigurationAdmin is absent.
   */
  void await(BundleContext context) {
    ServiceReference<?> reference = context.getServiceReference(CONFIGURATION_ADMIN);
    if (reference == null) {
      log.debug("no ConfigurationAdmin: not waiting for etc/*.cfg");
      return;
    }
    Object configurationAdmin = context.getService(reference);
    try {
      Method list =
          reference.getBundle().loadClass(CONFIGURATION_ADMIN)
              .getMethod("listConfigurations", String.class);
      Method properties =
          reference.getBundle().loadClass("org.osgi.service.cm.Configuration")
              .getMethod("getProperties");
      poll(() -> loadedFiles(list, properties, configurationAdmin));
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.error("cannot check that etc/*.cfg is loaded; going on: " + e, e);
    } finally {
      context.ungetService(reference);
    }
  }

  private void poll(LoadedFiles loaded) throws ReflectiveOperationException {
    long start = System.nanoTime();
    long deadline = start + timeoutMillis * 1_000_000;
    Set<Path> missing = missing(loaded.get());
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      missing = missing(loaded.get());
    }
    long waited = (System.nanoTime() - start) / 1_000_000;
    if (missing.isEmpty()) {
      log.debug("configuration from " + etc + " loaded (waited " + waited + " ms)");
    } else {
      log.error("after " + waited + " ms these files are still not loaded as configuration"
          + " (check them for errors): " + missing, null);
    }
  }

  private Set<Path> missing(Set<Path> loaded) {
    Set<Path> missing = new HashSet<>(cfgFiles(etc));
    missing.removeAll(loaded);
    return missing;
  }

  /** The {@code .cfg} files in {@code etc}, absolute and normalised; empty when unreadable. */
  static Set<Path> cfgFiles(Path etc) {
    Set<Path> files = new HashSet<>();
    try (DirectoryStream<Path> cfgs = Files.newDirectoryStream(etc, "*.cfg")) {
      cfgs.forEach(file -> files.add(file.toAbsolutePath().normalize()));
    } catch (IOException e) {
      // nothing to wait for
    }
    return files;
  }

  private static Set<Path> loadedFiles(Method list, Method properties, Object configurationAdmin)
      throws ReflectiveOperationException {
    Set<Path> files = new HashSet<>();
    Object[] configurations =
        (Object[]) list.invoke(configurationAdmin, "(" + FILENAME_PROPERTY + "=*)");
    if (configurations == null) {
      return files;
    }
    for (Object configuration : configurations) {
      Dictionary<?, ?> dictionary = (Dictionary<?, ?>) properties.invoke(configuration);
      Object name = dictionary == null ? null : dictionary.get(FILENAME_PROPERTY);
      if (name != null) {
        files.add(toPath(name.toString()));
      }
    }
    return files;
  }

  /** fileinstall stores a file URI; older versions stored a plain path. */
  static Path toPath(String name) {
    if (name.startsWith("file:")) {
      return Path.of(URI.create(name)).toAbsolutePath().normalize();
    }
    return Path.of(name).toAbsolutePath().normalize();
  }

  @FunctionalInterface
  private interface LoadedFiles {
    Set<Path> get() throws ReflectiveOperationException;
  }
}
