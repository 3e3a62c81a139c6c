package org.plugvnc.itest;

import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** The engine bundle, for tests that must leave no trace in the running server. */
final class EngineBundle {

  private static final String BSN = "org.plugvnc.engine";

  private EngineBundle() {}

  /**
   * Stops and starts the engine, so that the next server instance remembers no failed
   * authentication. Tests that block the loopback address need this: every test connects from that
   * address, and a configuration edit (which {@link ServerFixture#start} is) does not lift a block.
   */
  static void restart(BundleContext context) throws BundleException {
    Bundle engine = Arrays.stream(context.getBundles())
        .filter(b -> BSN.equals(b.getSymbolicName()))
        .findFirst().orElseThrow(() -> new AssertionError("no bundle " + BSN));
    engine.stop();
    engine.start();
  }
}
