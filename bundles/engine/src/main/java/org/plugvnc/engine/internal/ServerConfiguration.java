package org.plugvnc.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.plugvnc.engine.internal.net.SharePolicy;

@ObjectClassDefinition(
    name = "plugvnc server",
    description = "The RFB (VNC) server: where it listens, which security types it offers, how "
        + "viewers share the desktop.")
@interface ServerConfiguration {

  @AttributeDefinition(name = "Serve this desktop",
      description = "false: the server serves only the desktops configured as "
          + "org.plugvnc.desktop~NAME; the limits below still apply to them all.")
  boolean enabled() default true;

  @AttributeDefinition(name = "Port", description = "TCP port to listen on (5900 is display :0).",
      min = "1", max = "65535")
  int port() default 5900;

  @AttributeDefinition(name = "Bind address",
      description = "Addresses to listen on, comma-separated: 127.0.0.1 (default) for this machine "
          + "only (127.0.0.1,::1 for both of its stacks), :: for every interface over IPv6 and "
          + "IPv4 alike, 0.0.0.0 for every IPv4 interface, or addresses of this machine. An "
          + "address that cannot be bound is logged and left out, unless none can.")
  String bindAddress() default "127.0.0.1";

  @AttributeDefinition(name = "Security types",
      description = "Comma-separated security types to offer, most preferred first, by name (None, "
          + "VncAuth, VeNCrypt, RA2, RA2ne, RA2_256, RA2ne_256) or number. Only these are offered, "
          + "and only when their bundle is active. The default offers the strongest first. None "
          + "lets anyone in: configure it only on a trusted network.")
  String securityTypes() default SecurityTypeNames.DEFAULT;

  @AttributeDefinition(name = "Share policy",
      description = "What a viewer asking for exclusive access (shared flag 0) gets: SHARED ignores "
          + "the flag, DISCONNECT_OTHERS disconnects the other viewers, REFUSE refuses it while "
          + "others are connected.")
  SharePolicy sharePolicy() default SharePolicy.DISCONNECT_OTHERS;

  @AttributeDefinition(name = "Desktop name", description = "The name viewers show in their title.")
  String desktopName() default "plugvnc";

  @AttributeDefinition(name = "Capture backend",
      description = "Name of the capture backend to show (service property plugvnc.backend). When it "
          + "is not available, another registered backend is shown instead.")
  String backend() default "virtual";

  @AttributeDefinition(name = "Password file",
      description = "A VNC password file (vncpasswd format) for this desktop alone; empty: the "
          + "VNC Authentication bundle's own passwordFile.")
  String passwordFile() default "";

  @AttributeDefinition(name = "Maximum cut text",
      description = "Longest clipboard text (ClientCutText) a viewer may send, in bytes; a longer "
          + "one ends that viewer's session.", min = "0")
  int maxCutText() default 1048576;

  @AttributeDefinition(name = "Total cut text",
      description = "Bytes of clipboard text that may be on their way from all viewers together; a "
          + "viewer sending a long text when there is no room waits (its socket unread) until "
          + "there is. Never less than maxCutText.", min = "0")
  int cutTextTotalLimit() default 67108864;

  @AttributeDefinition(name = "Handshake timeout",
      description = "Seconds a connection may take from connecting to ClientInit before it is "
          + "closed.", min = "1")
  int handshakeTimeoutSeconds() default 30;

  @AttributeDefinition(name = "Blacklist threshold",
      description = "Consecutive failed authentications after which an address is refused for a "
          + "while (each later failure doubles the time, up to an hour; a success clears it). 0 "
          + "turns this off.", min = "0")
  int blacklistThreshold() default 5;

  @AttributeDefinition(name = "Blacklist timeout",
      description = "Seconds an address is first refused once it reached the blacklist threshold.",
      min = "1")
  int blacklistTimeoutSeconds() default 10;

  @AttributeDefinition(name = "Send buffer high-water mark",
      description = "Bytes queued for a viewer above which nothing more is handed to its socket "
          + "until it drains to half of it: updates wait (changes keep merging) and a newer "
          + "colour map, clipboard text or bell replaces one still waiting. The kernel's socket "
          + "buffer comes on top. Applies to viewers connecting later.", min = "65536")
  int sendBufferHighWater() default 262144;

  @AttributeDefinition(name = "Send buffer limit",
      description = "Bytes queued for a viewer past which it is closed as not reading. Only a single "
          + "message larger than this reaches it (a Raw update of a very large desktop); applies "
          + "to viewers connecting later.", min = "1048576")
  int sendBufferLimit() default 67108864;

  @AttributeDefinition(name = "Total send buffer limit",
      description = "Bytes queued for all viewers together past which the viewers that are not "
          + "reading are closed, largest queue first, so that they cannot take the memory the "
          + "others' updates need. At most half the JVM's direct memory is used whatever this "
          + "says.", min = "4194304")
  int sendBufferTotalLimit() default 134217728;

  @AttributeDefinition(name = "Connections",
      description = "Connections open at once, in every phase, above which no more are accepted "
          + "until one closes (they wait in the kernel's backlog): a flood of connections must "
          + "not take all the file descriptors of the JVM. 0: no limit.", min = "0")
  int maxConnections() default 4096;

  @AttributeDefinition(name = "Shared-port wait",
      description = "Milliseconds a new connection on an RFB port is listened to before the "
          + "server greets it, while a protocol that may share the port is active (the WebSocket "
          + "transport with shareRfbPort): a browser speaks first and is handed over, an RFB "
          + "viewer waits for the greeting and so connects this much later. Up to 10000; 0 turns "
          + "sharing off.", min = "0", max = "10000")
  int sharedPortWaitMillis() default 100;

  @AttributeDefinition(name = "Unauthenticated connections per address",
      description = "Connections from one address (IPv6: one /64) that may be in the handshake "
          + "(connected, not yet a session) at once; more are refused with a reason, and past "
          + "as many refusals waiting to be heard, closed at once. 0: no limit.", min = "0")
  int maxUnauthenticatedPerAddress() default 100;

  @AttributeDefinition(name = "Unauthenticated connections",
      description = "Connections from all addresses that may be in the handshake at once; more are "
          + "refused with a reason. 0: no limit.", min = "0")
  int maxUnauthenticated() default 1000;
}
