package org.plugvnc.api.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes per-session handshakes for one RFB security type. Registered as a whiteboard service with
 * {@link #PROPERTY_TYPE}. The engine offers a type only when its configuration lists it and such a
 * factory is registered; a viewer choosing anything else is refused. Stateless and thread-safe.
 */
@ConsumerType
public interface SecurityTypeFactory {

  /** Service property (Integer): the RFB security-type number, the same as {@link #type()}. */
  String PROPERTY_TYPE = "plugvnc.security.type";

  /**
   * The RFB security-type number, such as 1 for None or 2 for VNC Authentication. Called by the
   * engine on any thread; a constant; never blocks.
   */
  int type();

  /**
   * Makes the handshake for one connection once the viewer has chosen this type. Called on that
   * connection's I/O thread; must not block.
   */
  SecurityHandshake create(SecurityContext context);
}
