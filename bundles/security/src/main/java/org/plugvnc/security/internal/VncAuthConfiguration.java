package org.plugvnc.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc VNC password store",
    description = "Where the passwords for VNC Authentication (security type 2) come from: files in "
        + "the format written by TigerVNC's 'vncpasswd -f'.")
@interface VncAuthConfiguration {

  @AttributeDefinition(
      name = "Password file",
      description = "VNC password file: 8 bytes (a full-access password) or 16 bytes (then also a "
          + "view-only password). A relative path is taken relative to plugvnc.home. Empty means "
          + "${plugvnc.home}/data/vncpasswd, which is generated with a random password (printed "
          + "once on the console) when it does not exist; a file named here is never generated.")
  String passwordFile() default "";

  @AttributeDefinition(
      name = "View-only password file",
      description = "Optional separate VNC password file whose passwords grant view-only access "
          + "(no keyboard, pointer or clipboard). A relative path is taken relative to "
          + "plugvnc.home. Empty means none.")
  String viewOnlyPasswordFile() default "";
}
