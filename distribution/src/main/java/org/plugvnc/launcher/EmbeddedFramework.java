package org.plugvnc.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The OSGi framework with the embedded bundles, started level by level.
 *
 * <p>Why level by level, starting each bundle by hand: when the framework raises its start level
 * itself, a bundle that fails to resolve or start is only reported as an asynchronous ERROR event
 * and the server comes up half-working. Starting each bundle with {@link Bundle#start()} once its
 * level is reached turns such a failure into an exception, which the launcher reports and exits
 * on. The levels keep the order that matters: logging (level 1) is up before anything logs, and
 * SCR, ConfigAdmin and fileinstall (level 2) are up before the plugvnc plug-ins (level 3), and
 * those before the engine (level 4), which opens the port only once they are registered.
 */
final class EmbeddedFramework {

  private static final long LEVEL_TIMEOUT_SECONDS = 60;

  private final Framework framework;
  private final ConsoleLog log;

  private EmbeddedFramework(Framework framework, ConsoleLog log) {
    this.framework = framework;
    this.log = log;
  }

  /**
   * Creates and initialises the framework (which wipes its cache).
   *
   * @throws LaunchException when no framework implementation is on the class path or it cannot
   *     initialise (e.g. the cache directory is not writable)
   */
  static EmbeddedFramework create(Map<String, String> properties, ConsoleLog log)
      throws LaunchException {
    Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
    if (!factories.hasNext()) {
      throw new LaunchException("no OSGi framework inside the launcher (broken build?)", null);
    }
    Framework framework = factories.next().newFramework(properties);
    try {
      framework.init();
    } catch (BundleException e) {
      throw new LaunchException("the OSGi framework did not initialise: " + e.getMessage(), e);
    }
    framework
        .getBundleContext()
        .addFrameworkListener(
            event -> {
              if (event.getType() == FrameworkEvent.ERROR) {
                log.error(
                    "framework error in " + event.getBundle().getSymbolicName()
                        + ": " + event.getThrowable(),
                    event.getThrowable());
              }
            });
    return new EmbeddedFramework(framework, log);
  }

  /**
   * Installs the bundles, starts the framework and then each bundle, lowest start level first.
   * Returns once every bundle is ACTIVE (fragments RESOLVED) and the framework is at {@link
   * FrameworkSettings#FINAL_START_LEVEL}.
   *
   * @param beforeLevel called on this thread before each level's bundles start
   *
   * @throws LaunchException naming the first bundle that failed to install, resolve or start; the
   *     framework is left running so that the caller can stop it
   */
  void start(List<EmbeddedBundle> bundles, EmbeddedResources resources, BeforeLevel beforeLevel)
      throws LaunchException {
    List<Installed> installed = new ArrayList<>();
    for (EmbeddedBundle bundle : bundles) {
      installed.add(new Installed(bundle, install(bundle, resources)));
    }
    try {
      framework.start();
    } catch (BundleException e) {
      throw new LaunchException("the OSGi framework did not start: " + e.getMessage(), e);
    }
    int maxLevel = bundles.stream().mapToInt(EmbeddedBundle::startLevel).max().orElse(1);
    for (int level = 1; level <= Math.max(maxLevel, FrameworkSettings.FINAL_START_LEVEL); level++) {
      beforeLevel.run(level, framework.getBundleContext());
      raiseStartLevel(level);
      for (Installed each : installed) {
        if (each.bundle().startLevel() == level) {
          startBundle(each);
        }
      }
    }
  }

  private Bundle install(EmbeddedBundle bundle, EmbeddedResources resources)
      throws LaunchException {
    try {
      byte[] content = resources.read(bundle.resource());
      Bundle installed =
          framework
              .getBundleContext()
              .installBundle(bundle.location(), new ByteArrayInputStream(content));
      installed.adapt(BundleStartLevel.class).setStartLevel(bundle.startLevel());
      log.debug("installed " + installed.getSymbolicName() + " " + installed.getVersion()
          + " at start level " + bundle.startLevel());
      return installed;
    } catch (IOException | BundleException e) {
      throw new LaunchException(
          "cannot install bundle " + bundle.resource() + ": " + e.getMessage(), e);
    }
  }

  private void raiseStartLevel(int level) throws LaunchException {
    FrameworkStartLevel startLevel = framework.adapt(FrameworkStartLevel.class);
    if (startLevel.getStartLevel() >= level) {
      return;
    }
    CountDownLatch reached = new CountDownLatch(1);
    startLevel.setStartLevel(level, event -> reached.countDown());
    try {
      if (!reached.await(LEVEL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new LaunchException("the framework did not reach start level " + level
            + " within " + LEVEL_TIMEOUT_SECONDS + " s", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while raising the start level", e);
    }
  }

  private void startBundle(Installed each) throws LaunchException {
    Bundle bundle = each.osgiBundle();
    if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
      return; // fragments are never started; they resolve with their host
    }
    try {
      bundle.start();
    } catch (BundleException e) {
      throw new LaunchException(
          "bundle " + bundle.getSymbolicName() + " (" + each.bundle().resource()
              + ") did not start: " + e.getMessage(), e);
    }
  }

  /** The number of bundles installed, not counting the framework itself. */
  /** The system bundle's context, for looking at the running framework. */
  BundleContext context() {
    return framework.getBundleContext();
  }

  int bundleCount() {
    return framework.getBundleContext().getBundles().length - 1;
  }

  /**
   * Blocks until the framework has stopped, for whatever reason.
   *
   * @return true when it stopped normally, false on an error or interruption
   */
  boolean awaitStop() {
    try {
      FrameworkEvent event = framework.waitForStop(0);
      return event.getType() != FrameworkEvent.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops the framework, which stops every bundle (highest start level first, so the plugvnc
   * components are deactivated while logging still works), and waits at most {@code timeoutMillis}.
   *
   * @return true when it stopped in time
   */
  boolean stop(long timeoutMillis) {
    try {
      framework.stop();
      FrameworkEvent event = framework.waitForStop(timeoutMillis);
      return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
    } catch (BundleException e) {
      log.error("stopping the framework failed: " + e.getMessage(), e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Something to do before the bundles of a start level start, e.g. wait for their configuration. */
  @FunctionalInterface
  interface BeforeLevel {
    void run(int level, BundleContext systemContext);
  }

  private record Installed(EmbeddedBundle bundle, Bundle osgiBundle) {}
}
