package org.plugvnc.transport.reverse.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plugvnc.api.transport.RfbAcceptor;

@ObjectClassDefinition(
    name = "plugvnc reverse connections",
    description = "Viewers in listening mode (vncviewer -listen) that the server connects out to"
        + " and keeps connected. Changes apply at once; a live session stays when its viewer is"
        + " removed from the list.")
@interface ReverseConfiguration {

  @AttributeDefinition(
      name = "Viewers",
      description = "Comma-separated host[:port] of listening viewers (port default 5500; IPv6 as"
          + " [address]:port). Each is connected, retried with back-off while it cannot be"
          + " reached, and connected again when its connection ends. Empty: none.")
  String viewers() default "";

  @AttributeDefinition(
      name = "Desktop",
      description = "The id of the desktop these viewers are shown (default: the server's own).")
  String desktop() default RfbAcceptor.DEFAULT_DESKTOP;

  @AttributeDefinition(
      name = "First retry (seconds)",
      description = "Wait before the first retry of a viewer that could not be reached; each"
          + " further failure doubles it.", min = "1")
  int retryMinSeconds() default 1;

  @AttributeDefinition(
      name = "Longest retry (seconds)",
      description = "The longest wait between retries.", min = "1")
  int retryMaxSeconds() default 60;

  @AttributeDefinition(
      name = "Connect timeout (seconds)",
      description = "How long one connection attempt may take.", min = "1")
  int connectTimeoutSeconds() default 10;
}
