package org.plugvnc.transport.unix.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plugvnc.api.transport.RfbAcceptor;

@ObjectClassDefinition(
    name = "plugvnc Unix domain socket",
    description = "Serves viewers on this machine over a Unix domain socket that only the user"
        + " running plugvnc can open. Every change applies at once: the socket is bound again.")
@interface UnixSocketConfiguration {

  @AttributeDefinition(
      name = "Socket path",
      description = "Where the socket file goes; a relative path is taken under the plugvnc home."
          + " Empty: no socket. The file is made owner-only (0600), a stale file from a crashed"
          + " run is replaced, and the file is removed when the transport stops.")
  String path() default "";

  @AttributeDefinition(
      name = "Desktop",
      description = "The id of the desktop viewers of this socket see (default: the server's own).")
  String desktop() default RfbAcceptor.DEFAULT_DESKTOP;
}
