package org.plugvnc.engine.internal.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Marks where a connection's RFB byte stream begins in its pipeline: whatever a transport has in
 * front of it (WebSocket framing, TLS of its own) is the transport's; the layers a security type
 * adds go right after it, and bytes handed over on a layer change are fired from it. A pass-through;
 * one instance serves every connection.
 */
@ChannelHandler.Sharable
final class RfbStream extends ChannelInboundHandlerAdapter {

  /** Its name in every connection's pipeline. */
  static final String NAME = "rfb-stream";
  /** The one instance. */
  static final RfbStream INSTANCE = new RfbStream();
  /** The name of the engine's handler, after it. */
  static final String RFB = "rfb";

  private RfbStream() {}
}
