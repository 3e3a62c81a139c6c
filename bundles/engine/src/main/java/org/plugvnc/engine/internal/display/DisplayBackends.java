package org.plugvnc.engine.internal.display;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.display.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every {@link Display} service a {@link CaptureBackend} service: its
 * {@link CaptureBackend#PROPERTY_NAME} is the display's {@link Display#PROPERTY_NAME}, its ranking
 * the display's. The engine so keeps one path: a desktop configured with {@code backend=NAME}
 * shows the display NAME. A display leaving takes its backend with it.
 */
@Component(immediate = true)
public final class DisplayBackends {

  private static final Logger LOG = LoggerFactory.getLogger(DisplayBackends.class);

  /** A display's backend and its registration. */
  private record Shown(DisplayBackend backend, ServiceRegistration<CaptureBackend> registration,
      Object ranking) {}

  private final BundleContext context;
  private final Map<Display, Shown> shown = new ConcurrentHashMap<>();

  @Activate
  public DisplayBackends(BundleContext context) {
    this.context = context;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDisplay(Display display, Map<String, Object> properties) {
    Object name = properties.get(Display.PROPERTY_NAME);
    if (name == null || String.valueOf(name).isBlank()) {
      LOG.warn("display service {} has no {} property: not shown",
          properties.get(Constants.SERVICE_ID), Display.PROPERTY_NAME);
      return;
    }
    DisplayBackend backend = new DisplayBackend(display, String.valueOf(name).trim());
    Dictionary<String, Object> backendProperties = new Hashtable<>();
    backendProperties.put(CaptureBackend.PROPERTY_NAME, backend.name());
    backendProperties.put(Display.PROPERTY_NAME, backend.name());
    if (properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking) {
      backendProperties.put(Constants.SERVICE_RANKING, ranking);
    }
    ServiceRegistration<CaptureBackend> registration =
        context.registerService(CaptureBackend.class, backend, backendProperties);
    Shown previous = shown.put(display,
        new Shown(backend, registration, properties.get(Constants.SERVICE_RANKING)));
    if (previous != null) {
      withdraw(previous);
    }
    LOG.info("display {} is the backend {}", backend.name(), backend.name());
  }

  /** A display's properties changed: a new name or ranking registers its backend anew. */
  void updatedDisplay(Display display, Map<String, Object> properties) {
    Shown now = shown.get(display);
    Object name = properties.get(Display.PROPERTY_NAME);
    if (now != null && name != null && now.backend().name().equals(String.valueOf(name).trim())
        && Objects.equals(now.ranking(), properties.get(Constants.SERVICE_RANKING))) {
      return;
    }
    removeDisplay(display);
    addDisplay(display, properties);
  }

  void removeDisplay(Display display) {
    Shown gone = shown.remove(display);
    if (gone != null) {
      withdraw(gone);
    }
  }

  @Deactivate
  void deactivate() {
    for (Display display : shown.keySet()) {
      removeDisplay(display);
    }
  }

  /** Unregisters the backend (the engine stops using it) and makes sure it is stopped. */
  private static void withdraw(Shown s) {
    try {
      s.registration().unregister();
    } catch (IllegalStateException alreadyGone) {
      // the engine bundle is stopping and took its registrations with it
    }
    s.backend().stop();
  }
}
