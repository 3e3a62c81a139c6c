package org.plugvnc.transport.websocket.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
    name = "plugvnc WebSocket transport",
    description = "An HTTP/1.1 and WebSocket listener for browsers (noVNC): the WebSocket carries "
        + "RFB to a desktop, plain GET and HEAD serve the web client's files. Every option applies "
        + "live: a changed listener is bound again, connections already open stay.")
@interface WebSocketTransportConfiguration {

  @AttributeDefinition(name = "Enabled", description = "Listen at all.")
  boolean enabled() default true;

  @AttributeDefinition(name = "Port", description = "TCP port of the HTTP and WebSocket listener.")
  int port() default 5800;

  @AttributeDefinition(
      name = "Bind addresses",
      description = "Comma-separated addresses to listen on; '::' is every address of both IP "
          + "families, '0.0.0.0' every IPv4 one. Each is bound; one that fails is logged.")
  String bindAddress() default "127.0.0.1";

  @AttributeDefinition(
      name = "Desktop",
      description = "The id of the desktop the WebSocket connections on this port are served "
          + "('default' is the server's own).")
  String desktop() default "default";

  @AttributeDefinition(
      name = "WebSocket path",
      description = "The path of the WebSocket (noVNC's default is /websockify). An upgrade "
          + "request for / is accepted too.")
  String path() default "/websockify";

  @AttributeDefinition(
      name = "Maximum frame payload",
      description = "The largest WebSocket frame payload (bytes) a browser may send; a larger one "
          + "closes the connection (1009) before it is buffered. Fragments are streamed, so this "
          + "bounds one fragment, not a message.")
  int maxFramePayload() default 1048576;

  @AttributeDefinition(
      name = "Request timeout",
      description = "Seconds within which an HTTP request's line and headers must have arrived, "
          + "counted from the connection (or from the first byte of a following request).")
  int requestTimeoutSeconds() default 10;

  @AttributeDefinition(
      name = "Idle timeout",
      description = "Seconds an HTTP keep-alive connection may stay idle between requests, and "
          + "a response may make no progress (a client that does not read it) before its "
          + "connection is closed.")
  int idleTimeoutSeconds() default 30;

  @AttributeDefinition(
      name = "HTTP connections per address",
      description = "The most HTTP connections (not yet WebSockets) one address (an IPv6 /64) may "
          + "have open at once; more are closed at once. A browser opens about six. It keeps one "
          + "address from taking every connection maxConnections allows, which would keep "
          + "viewers out of the RFB ports too. 0: no limit.")
  int maxHttpConnectionsPerAddress() default 100;

  @AttributeDefinition(
      name = "Allowed origins",
      description = "Origins (scheme://host[:port]) whose pages may open the WebSocket besides "
          + "the server's own origin; '*' allows every origin, so that any web page a viewer "
          + "visits could drive the viewer's browser into this server. A request without Origin "
          + "(not a browser) is allowed.")
  String[] allowedOrigins() default {};

  @AttributeDefinition(
      name = "TLS",
      description = "auto: https and wss on the same port whenever a server certificate is "
          + "registered (VeNCrypt's), plain http too; off: plain only; required: plain http is "
          + "redirected to https and a plain WebSocket refused.",
      options = {
          @Option(label = "auto", value = "auto"),
          @Option(label = "off", value = "off"),
          @Option(label = "required", value = "required")})
  String tls() default "auto";

  @AttributeDefinition(
      name = "Frame ancestors",
      description = "The CSP frame-ancestors sources that may embed the web client in a frame, "
          + "space-separated ('none': nobody, and X-Frame-Options DENY is sent too).")
  String frameAncestors() default "'none'";

  @AttributeDefinition(
      name = "Share the RFB port",
      description = "Also serve HTTP, WebSocket and TLS on every desktop's RFB port: a client "
          + "that speaks first (a browser) is recognized and served the desktop of that port.")
  boolean shareRfbPort() default false;
}
