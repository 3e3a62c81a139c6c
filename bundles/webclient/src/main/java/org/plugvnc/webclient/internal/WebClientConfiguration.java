package org.plugvnc.webclient.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
    name = "plugvnc web client",
    description = "noVNC in the browser, served at the HTTP listener's start page and preset to"
        + " connect back to the server that served it. Changes apply to pages loaded afterwards.")
@interface WebClientConfiguration {

  @AttributeDefinition(
      name = "Connect at once",
      description = "Connect as soon as the page has loaded; false: wait for the Connect button."
          + " The query parameter autoconnect=true|false overrides it for one page.")
  boolean autoconnect() default true;

  @AttributeDefinition(
      name = "Resize",
      description = "How the desktop meets the browser window: scale it to fit (scale), ask the"
          + " server to resize the desktop to the window (remote; desktops that cannot resize"
          + " keep their size), or show it as it is with scroll bars (off). The viewer can change"
          + " it from the page; the query parameter resize= overrides it.",
      options = {
        @Option(label = "scale to the window", value = "scale"),
        @Option(label = "resize the remote desktop", value = "remote"),
        @Option(label = "neither", value = "off")
      })
  String resize() default "scale";

  @AttributeDefinition(
      name = "Reconnect",
      description = "Connect again after a connection ends without the viewer asking, e.g. when"
          + " the server restarts. Never after a failed authentication. The query parameter"
          + " reconnect=true|false overrides it.")
  boolean reconnect() default true;

  @AttributeDefinition(
      name = "Reconnect delay",
      description = "Milliseconds to wait before connecting again (100 to 600000).",
      min = "100",
      max = "600000")
  int reconnectDelayMillis() default ClientSettings.DEFAULT_RECONNECT_DELAY_MILLIS;

  @AttributeDefinition(
      name = "WebSocket path",
      description = "The path of the WebSocket the page connects to on its own host and port;"
          + " must be the WebSocket transport's path. Letters, digits and . _ ~ - segments"
          + " separated by /.")
  String path() default ClientSettings.DEFAULT_PATH;

  @AttributeDefinition(
      name = "Shared",
      description = "Ask the server to share the desktop with other viewers (true) or for"
          + " exclusive access (false; what that does is the server's sharePolicy).")
  boolean shared() default true;
}
