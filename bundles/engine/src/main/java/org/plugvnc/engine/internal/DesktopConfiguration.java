package org.plugvnc.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plugvnc.engine.internal.net.SharePolicy;

/**
 * One more desktop of the server, as a factory configuration {@code org.plugvnc.desktop~NAME}
 * ({@code etc/org.plugvnc.desktop-NAME.cfg}): its own port, backend, security types, password
 * file, share policy and name. The limits of {@code org.plugvnc.server} apply to all desktops.
 */
@ObjectClassDefinition(
    name = "plugvnc desktop",
    description = "One more desktop served by the plugvnc server, on its own port, showing its own "
        + "backend or application display.")
@interface DesktopConfiguration {

  @AttributeDefinition(name = "Id", description = "The desktop's id in the console, JMX and "
      + "events; empty: the NAME of its configuration (org.plugvnc.desktop~NAME).")
  String id() default "";

  @AttributeDefinition(name = "Port", description = "TCP port to listen on.", min = "1",
      max = "65535")
  int port() default 5901;

  @AttributeDefinition(name = "Bind address",
      description = "Addresses to listen on, comma-separated: 127.0.0.1 (default) for this machine "
          + "only (127.0.0.1,::1 for both of its stacks), :: for every interface over IPv6 and "
          + "IPv4 alike, 0.0.0.0 for every IPv4 interface, or addresses of this machine.")
  String bindAddress() default "127.0.0.1";

  @AttributeDefinition(name = "Capture backend",
      description = "Name of the capture backend or application display to show (service property "
          + "plugvnc.backend or plugvnc.display). When it is not available another is shown.")
  String backend() default "virtual";

  @AttributeDefinition(name = "Security types",
      description = "Comma-separated security types to offer on this desktop, most preferred "
          + "first, by name (None, VncAuth, VeNCrypt, RA2, RA2ne, RA2_256, RA2ne_256) or number; "
          + "the default offers the strongest first.")
  String securityTypes() default SecurityTypeNames.DEFAULT;

  @AttributeDefinition(name = "Password file",
      description = "A VNC password file for this desktop; empty: the VNC Authentication "
          + "bundle's own passwordFile.")
  String passwordFile() default "";

  @AttributeDefinition(name = "Share policy",
      description = "What a viewer asking for exclusive access gets: SHARED, DISCONNECT_OTHERS or "
          + "REFUSE (this desktop's viewers only).")
  SharePolicy sharePolicy() default SharePolicy.DISCONNECT_OTHERS;

  @AttributeDefinition(name = "Desktop name",
      description = "The name viewers show in their title; empty: plugvnc ID.")
  String desktopName() default "";
}
