package org.plugvnc.engine.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A desktop of its own for each factory configuration {@code org.plugvnc.desktop~NAME}, served by
 * the {@link RfbServer} next to the server's own desktop. An edit applies to the desktop's new
 * connections (a new port is bound, viewers at the old one stay); deleting the configuration closes
 * the desktop and its viewers. No other desktop notices either.
 */
@Component(service = {}, configurationPid = "org.plugvnc.desktop",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DesktopConfiguration.class, factory = true)
public final class DesktopComponent {

  private final RfbServer server;
  private final String id;

  /** Serves the configured desktop. */
  @Activate
  public DesktopComponent(@Reference RfbServer server, DesktopConfiguration config,
      Map<String, Object> properties) throws InterruptedException {
    this.server = server;
    this.id = id(config, properties);
    if (RfbServer.DEFAULT_DESKTOP.equals(id)) {
      throw new IllegalArgumentException("the desktop id " + id + " is the server's own desktop's");
    }
    server.openDesktop(id, own(config));
  }

  @Modified
  void modified(DesktopConfiguration config) throws InterruptedException {
    server.configureDesktop(id, own(config));
  }

  @Deactivate
  void deactivate() {
    server.closeDesktop(id, "its configuration was removed");
  }

  private ServedDesktop.Own own(DesktopConfiguration config) {
    String name = config.desktopName().isBlank() ? "plugvnc " + id : config.desktopName();
    return new ServedDesktop.Own(BindAddresses.parse(config.bindAddress(), config.port()),
        SecurityTypeNames.parse(config.securityTypes()), config.sharePolicy(), name,
        config.backend(), RfbServer.passwordFile(config.passwordFile()));
  }

  /**
   * The configured id, else NAME from the configuration's PID ({@code org.plugvnc.desktop~NAME}),
   * else from the file it came from ({@code org.plugvnc.desktop-NAME.cfg}), else the PID.
   */
  static String id(DesktopConfiguration config, Map<String, Object> properties) {
    if (!config.id().isBlank()) {
      return config.id().strip();
    }
    String pid = String.valueOf(properties.get("service.pid"));
    int tilde = pid.indexOf('~');
    if (tilde >= 0) {
      return pid.substring(tilde + 1);
    }
    Object file = properties.get("felix.fileinstall.filename");
    if (file != null) {
      String name = String.valueOf(file);
      name = name.substring(name.lastIndexOf('/') + 1);
      String prefix = "org.plugvnc.desktop-";
      if (name.startsWith(prefix) && name.endsWith(".cfg")) {
        return name.substring(prefix.length(), name.length() - ".cfg".length());
      }
    }
    return pid;
  }
}
