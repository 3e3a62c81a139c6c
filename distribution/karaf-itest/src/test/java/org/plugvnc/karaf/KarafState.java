package org.plugvnc.karaf;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * What a Karaf has installed, read from its console ({@code bundle:list}, {@code feature:list}),
 * and waits for a state to be reached: Karaf starts a refreshed or updated bundle in the
 * background, and installs a KAR's features one after the other.
 */
final class KarafState {

  private static final Duration POLL = Duration.ofMillis(150);

  private final KarafConsole console;

  KarafState(KarafConsole console) {
    this.console = console;
  }

  /** Every bundle, by symbolic name. */
  Map<String, KarafTables.Bundle> bundles() {
    return KarafTables.bundles(console.run("bundle:list -s -t 0"));
  }

  /**
   * @throws AssertionError when no bundle has this symbolic name
   */
  KarafTables.Bundle bundle(String symbolicName) {
    KarafTables.Bundle bundle = bundles().get(symbolicName);
    if (bundle == null) {
      throw new AssertionError(symbolicName + " is not installed");
    }
    return bundle;
  }

  /**
   * @throws AssertionError when the bundle is not Active within {@code timeout}
   */
  void awaitActive(String symbolicName, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String state;
    while (!"Active".equals(state = bundle(symbolicName).state())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(symbolicName + " is " + state + ", not Active");
      }
      sleep();
    }
  }

  /** Installed feature name to state (Started, Resolved...). */
  Map<String, String> featureStates() {
    return KarafTables.featureStates(console.run("feature:list -i"));
  }

  /** Installed feature name to whether it is a root feature (installed by name). */
  Map<String, Boolean> rootFeatures() {
    return KarafTables.featureRequired(console.run("feature:list -i"));
  }

  /**
   * @throws AssertionError when not every one of {@code features} is Started within
   *     {@code timeout}
   */
  void awaitStarted(Collection<String> features, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, String> states = featureStates();
      if (features.stream().allMatch(f -> "Started".equals(states.get(f)))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not every one of " + features + " is Started: " + states);
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
