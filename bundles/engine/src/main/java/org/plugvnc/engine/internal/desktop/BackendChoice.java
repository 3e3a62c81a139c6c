package org.plugvnc.engine.internal.desktop;

import java.util.List;
import java.util.Map;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.engine.internal.registry.RankedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which registered backend a desktop shows: the one the operator set ({@link #override}), else the
 * configured one, else the best-ranked one, else none. Chosen again whenever any of these changes.
 * Thread-safe; the choice is made under this object's lock, so two changes cannot cross.
 */
public final class BackendChoice {

  private static final Logger LOG = LoggerFactory.getLogger(BackendChoice.class);

  private final RankedServices<String, CaptureBackend> backends =
      new RankedServices<>((b, p) -> String.valueOf(p.get(CaptureBackend.PROPERTY_NAME)));
  private final DesktopHub desktop;
  private volatile String configured;
  /** Shown instead of the configured backend until the configuration names another. */
  private volatile String override;
  private volatile String shown = "";

  /** Chooses for {@code desktop}. */
  public BackendChoice(DesktopHub desktop) {
    this.desktop = desktop;
  }

  /** A backend was registered, with its service properties. */
  public void add(CaptureBackend b, Map<String, ?> properties) {
    backends.add(b, properties);
    choose();
  }

  /** A backend went away. */
  public void remove(CaptureBackend b) {
    backends.remove(b);
    choose();
  }

  /** The configuration names {@code name}; a change of name ends the operator's override. */
  public void configure(String name) {
    if (configured != null && !configured.equals(name)) {
      override = null;
    }
    configured = name;
    choose();
  }

  /** Shows {@code name} from now on, until the configured backend changes. */
  public void override(String name) {
    override = name;
    LOG.info("plugvnc: showing backend {} (set by the operator)", name);
    choose();
  }

  /** The backend asked for: set by the operator, else configured. */
  public String wanted() {
    String o = override;
    return o != null ? o : configured;
  }

  /** The name of the backend being shown; empty while none is. */
  public String shown() {
    return shown;
  }

  /** The names of the registered backends, sorted. */
  public List<String> names() {
    return backends.snapshot().keySet().stream().sorted().toList();
  }

  private synchronized void choose() {
    Map<String, CaptureBackend> named = backends.snapshot();
    String name = wanted();
    CaptureBackend chosen = name == null ? null : named.get(name);
    if (chosen == null && !backends.ordered().isEmpty()) {
      chosen = backends.ordered().get(0);
    }
    CaptureBackend pick = chosen;
    shown = named.entrySet().stream().filter(e -> e.getValue() == pick)
        .map(Map.Entry::getKey).findFirst().orElse("");
    desktop.useBackend(chosen);
  }
}
