package org.plugvnc.capture.x11.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
    name = "plugvnc X11 desktop",
    description = "An X display (a real screen or an Xvfb) as a desktop. One configuration per"
        + " display: org.plugvnc.capture.x11, or factory configurations org.plugvnc.capture.x11~NAME.")
@interface X11BackendConfiguration {

  @AttributeDefinition(
      name = "Display",
      description = "The X display to capture, such as :0 or host:1. Empty: the DISPLAY"
          + " environment variable of the JVM. Xlib reads XAUTHORITY for the cookie.")
  String display() default "";

  @AttributeDefinition(
      name = "Backend name",
      description = "The plugvnc.backend service property the desktop is registered with: what a"
          + " server's backend key names.")
  String name() default "x11";

  @AttributeDefinition(
      name = "Shared memory",
      description = "Capture through MIT-SHM (XShmGetImage); when the server refuses shared memory"
          + " (a remote display) or this is off, through XGetImage.")
  boolean shm() default true;

  @AttributeDefinition(
      name = "XDamage",
      description = "Read only what the DAMAGE extension reports as changed; off, or without the"
          + " extension, compare 64x64 tiles of a full read at every poll.")
  boolean damage() default true;

  @AttributeDefinition(
      name = "Poll interval",
      description = "Milliseconds between rounds of the X thread (events, damage, pointer position);"
          + " values outside 5..1000 are clamped.",
      min = "5",
      max = "1000")
  int pollMillis() default 20;

  @AttributeDefinition(
      name = "When the X server is lost",
      description = "blank: viewers see a black desktop of the last size while the backend"
          + " reconnects. close: the desktop's viewers are closed with the reason.",
      options = {
          @Option(label = "Show a blank desktop", value = "blank"),
          @Option(label = "Close the viewers", value = "close")
      })
  String onServerLost() default "blank";

  @AttributeDefinition(
      name = "Reconnect delay, first",
      description = "Milliseconds before the first reconnection try; doubled after each failure.",
      min = "10")
  int reconnectMinMillis() default 250;

  @AttributeDefinition(
      name = "Reconnect delay, longest",
      description = "The longest wait between reconnection tries, in milliseconds.",
      min = "10")
  int reconnectMaxMillis() default 10000;
}
