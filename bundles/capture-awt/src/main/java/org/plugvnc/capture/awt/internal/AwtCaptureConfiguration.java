package org.plugvnc.capture.awt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "plugvnc AWT capture backend",
    description = "Shows a screen Java can see (Windows, macOS, X11) through java.awt.Robot, with"
        + " input through Robot and the AWT system clipboard. Nothing happens until this"
        + " configuration exists; in a headless JVM the backend stays inactive.")
@interface AwtCaptureConfiguration {

  @AttributeDefinition(
      name = "Name",
      description = "The backend's name (service property plugvnc.backend), as the server's"
          + " backend key names it.")
  String name() default "awt";

  @AttributeDefinition(
      name = "Screen",
      description = "Which screen to show: empty for the default screen, a number for that"
          + " index among the screens Java lists, or a device id such as :0.0 (X11) or"
          + " \\Display0 (Windows). An unknown screen is logged and the default one is shown.")
  String screen() default "";

  @AttributeDefinition(
      name = "Poll interval",
      description = "Milliseconds between two screen grabs; values outside 10..10000 are"
          + " clamped. Each grab of a 1920x1080 screen costs tens of milliseconds of CPU.",
      min = "10",
      max = "10000")
  int pollMillis() default 100;

  @AttributeDefinition(
      name = "Tile size",
      description = "Damage is found by comparing each grab with the last one in square tiles"
          + " of this many pixels; values outside 8..512 are clamped.",
      min = "8",
      max = "512")
  int tileSize() default 32;

  @AttributeDefinition(
      name = "Clipboard",
      description = "Share the system clipboard with viewers, both ways.")
  boolean clipboard() default true;

  @AttributeDefinition(
      name = "Clipboard limit",
      description = "Longest clipboard text handed to viewers, in UTF-8 bytes; a longer one is"
          + " cut at a character boundary. Values outside 0..67108864 are clamped.",
      min = "0",
      max = "67108864")
  int clipboardLimit() default 1_048_576;

  @AttributeDefinition(
      name = "Clipboard poll interval",
      description = "Milliseconds between two looks at the system clipboard; values outside"
          + " 50..60000 are clamped.",
      min = "50",
      max = "60000")
  int clipboardPollMillis() default 500;
}
