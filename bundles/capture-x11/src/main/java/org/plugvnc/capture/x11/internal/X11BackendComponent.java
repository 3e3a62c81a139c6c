package org.plugvnc.capture.x11.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.capture.CaptureBackend;

/**
 * One X11 desktop per configuration ({@code org.plugvnc.capture.x11}, or a factory configuration
 * {@code org.plugvnc.capture.x11~NAME} per display); nothing without one. The backend is
 * registered by hand because its {@code plugvnc.backend} property comes from the {@code name}
 * key. A configuration change re-creates it: the engine sees the old desktop go and the new one
 * come, and its viewers follow.
 */
@Component(
    configurationPid = "org.plugvnc.capture.x11",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {})
@Designate(ocd = X11BackendConfiguration.class, factory = true)
public final class X11BackendComponent {

  private final X11Backend backend;
  private final ServiceRegistration<CaptureBackend> registration;

  @Activate
  public X11BackendComponent(BundleContext context, X11BackendConfiguration config) {
    backend = new X11Backend(X11Settings.from(config));
    XErrorTrap.retain();
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(CaptureBackend.PROPERTY_NAME, backend.settings().name());
    if (backend.settings().display() != null) {
      props.put("plugvnc.x11.display", backend.settings().display());
    }
    registration = context.registerService(CaptureBackend.class, backend, props);
  }

  @Deactivate
  void deactivate() {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the bundle is stopping and the framework unregistered it first
    }
    backend.stop();
    try {
      XErrorTrap.release();
    } catch (IllegalStateException noLibX11) {
      // nothing was installed
    }
  }
}
