package org.plugvnc.capture.awt.internal;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.capture.CaptureBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a configuration into a registered AWT backend. Nothing happens (no AWT class is loaded)
 * until configuration {@code org.plugvnc.capture.awt} exists. Then, if this JVM can reach a
 * screen, the {@link CaptureBackend} service is registered, named by the configuration; if not
 * (a headless JVM, no display), one line says why and nothing is registered: the engine keeps
 * showing another backend. Activation never throws.
 */
@Component(
    configurationPid = AwtBackendComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = AwtCaptureConfiguration.class)
@Capability(
    namespace = "osgi.service",
    attribute = "objectClass:List<String>=\"org.plugvnc.api.capture.CaptureBackend\"")
public final class AwtBackendComponent {

  static final String PID = "org.plugvnc.capture.awt";

  private static final Logger LOG = LoggerFactory.getLogger(AwtBackendComponent.class);

  private final BundleContext context;
  private final AwtCaptureBackend backend;
  /** SCR calls activate, modified and deactivate one at a time. */
  private ServiceRegistration<CaptureBackend> registration;
  private AwtSettings settings;

  @Activate
  public AwtBackendComponent(BundleContext context, AwtCaptureConfiguration config) {
    this.context = context;
    settings = AwtSettings.from(config);
    AwtCaptureBackend opened = open(settings);
    registration = opened == null ? null : register(context, opened, settings);
    backend = registration == null ? null : opened;
  }

  /**
   * Every key applies live. A new name registers the backend again under it (the engine binds
   * backends by their properties at registration): its viewers see another backend meanwhile.
   */
  @Modified
  void modified(AwtCaptureConfiguration config) {
    AwtSettings next = AwtSettings.from(config);
    AwtSettings previous = settings;
    settings = next;
    if (backend == null) {
      return;
    }
    backend.update(next);
    if (!next.name().equals(previous.name())) {
      unregister();
      backend.stop();
      registration = register(context, backend, next);
    }
  }

  @Deactivate
  void deactivate() {
    unregister();
    if (backend != null) {
      backend.dispose();
    }
  }

  private void unregister() {
    if (registration != null) {
      try {
        registration.unregister();
      } catch (IllegalStateException e) {
        // the bundle is stopping and the framework already unregistered it
      }
      registration = null;
    }
  }

  /** The backend for the configured screen, or null (logged) where AWT cannot show one. */
  private static AwtCaptureBackend open(AwtSettings settings) {
    String inactive = "AWT capture backend '" + settings.name() + "' inactive, no CaptureBackend"
        + " registered: ";
    try {
      if (GraphicsEnvironment.isHeadless()) {
        LOG.warn(inactive + "this JVM is headless (java.awt.headless={}, DISPLAY={}); the plugvnc"
            + " launcher needs -Djava.awt.headless=false and a reachable display",
            System.getProperty("java.awt.headless"), System.getenv("DISPLAY"));
        return null;
      }
      return new AwtCaptureBackend(ScreenGrabber.open(settings.screen()), settings);
    } catch (AWTException | RuntimeException | AWTError | LinkageError e) {
      LOG.warn(inactive + "no screen can be reached through AWT: {}", e.toString());
      return null;
    }
  }

  /** Registers the backend; null (logged, the backend disposed) if the bundle is stopping. */
  private static ServiceRegistration<CaptureBackend> register(BundleContext context,
      AwtCaptureBackend backend, AwtSettings settings) {
    try {
      ServiceRegistration<CaptureBackend> registration =
          context.registerService(CaptureBackend.class, backend, properties(settings));
      LOG.info("AWT capture backend '{}' registered for {}x{}", settings.name(),
          backend.framebuffer().width(), backend.framebuffer().height());
      return registration;
    } catch (IllegalStateException e) {
      LOG.warn("AWT capture backend '{}' not registered: {}", settings.name(), e.toString());
      backend.dispose();
      return null;
    }
  }

  private static Dictionary<String, Object> properties(AwtSettings settings) {
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(CaptureBackend.PROPERTY_NAME, settings.name());
    return properties;
  }
}
