package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.plugvnc.engine.internal.protocol.ProtocolException;
import org.plugvnc.engine.internal.protocol.ProtocolVersion;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's connection: the explicit {@link ConnectionState} and the one switch that hands
 * received bytes to the reader of the current phase. Each reader either consumes a whole message
 * or nothing; Netty keeps what is left for the next read. Runs on the channel's I/O thread only.
 */
public final class RfbConnection extends ByteToMessageDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(RfbConnection.class);

  /** How long a connection refused by the limits may take to tell its version and hear why. */
  static final long REFUSED_GRACE_MILLIS = 2000;
  /** More than one read loop's worth (see NettyTransport) buffered while paused ends the connection. */
  static final int MAX_BUFFERED_WHILE_PAUSED = 1 << 20;

  private final ServerContext server;
  private final String transport;
  private ConnectionState state = ConnectionState.PROTOCOL_VERSION;
  private ChannelHandlerContext ctx;
  private SecurityPhase security;
  private Session session;
  private ConnectionRecord record;
  private ScheduledFuture<?> handshakeTimer;
  private PreAuthLimits.Ticket ticket;
  private boolean paused;
  private int minor;
  private ConnectionLayers layers;

  /** A TCP connection served with {@code server}'s settings and plug-ins. */
  public RfbConnection(ServerContext server) {
    this(server, "tcp");
  }

  /**
   * A connection served with {@code server}'s settings and plug-ins that came in over {@code
   * transport} ({@code tcp}, {@code websocket}, ...).
   */
  public RfbConnection(ServerContext server, String transport) {
    this.server = server;
    this.transport = transport;
  }

  /**
   * Marks where the RFB stream starts, right before it ({@link RfbStream}), and starts at once when
   * put into a connection that is already up (a transport's, or one a shared-port wait handed on),
   * else when it comes up.
   */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    super.handlerAdded(ctx);
    if (ctx.pipeline().get(RfbStream.NAME) == null) {
      ctx.pipeline().addBefore(ctx.name(), RfbStream.NAME, RfbStream.INSTANCE);
    }
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (this.ctx == null) {
      start(ctx);
    }
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    layers = new ConnectionLayers(ctx);
    record = new ConnectionRecord(server.nextConnectionId(),
        ConnectionRecord.peer(ctx.channel().remoteAddress()), server.desktopId());
    server.events().connected(record);
    // Counted from the accept until it is a session; a refusal is sent once the viewer has told
    // its version, and a refused viewer gets only a short while for that.
    ticket = server.preAuthLimits().open(
        AddressKey.of(ctx.channel().remoteAddress()));
    if (ticket.dropped()) {
      // Too many refused connections already wait to hear why; PreAuthLimits logs these closes.
      state = ConnectionState.CLOSED;
      record.ending(ticket.refusal() + " (closed at once)");
      ctx.close();
      return;
    }
    long timeout = ticket.admitted() ? server.settings().handshakeTimeoutMillis()
        : Math.min(REFUSED_GRACE_MILLIS, server.settings().handshakeTimeoutMillis());
    handshakeTimer = ctx.executor().schedule(
        () -> fail("no complete handshake within " + timeout + " ms"), timeout, TimeUnit.MILLISECONDS);
    ByteBuf out = ctx.alloc().buffer(ProtocolVersion.LENGTH);
    ServerMessageWriter.protocolVersion(out);
    ctx.writeAndFlush(out);
    LOG.debug("{}: connected over {} to desktop {}", remote(), transport, server.desktopId());
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> unused) {
    if (paused && in.readableBytes() > MAX_BUFFERED_WHILE_PAUSED) {
      // Reads stop at once when paused; only a peer that ignores the protocol's turns gets here.
      fail("the viewer sent " + in.readableBytes() + " bytes while the server was not reading");
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      while (in.isReadable() && step(in) && !layers.changed()) {
        // one message per step, until a phase needs more bytes or a layer changed
      }
    } catch (ProtocolException e) {
      fail(e.getMessage());
    }
    if (layers.changed()) {
      layers.handOver(in, state == ConnectionState.CLOSED);
    }
    if (state == ConnectionState.CLOSED) {
      in.skipBytes(in.readableBytes());
    }
  }

  /** After decoding, bytes a layer change handed over go through the pipeline again. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    super.channelRead(ctx, msg);
    if (layers != null) {
      layers.deliver(state == ConnectionState.CLOSED);
    }
  }

  /** Runs the current phase's reader once; false when it needs more bytes. */
  private boolean step(ByteBuf in) {
    switch (state) {
      case PROTOCOL_VERSION:
        return readProtocolVersion(in);
      case SECURITY_TYPE:
        return security.readChoice(in);
      case SECURITY_HANDSHAKE:
        return security.receive(in);
      case CLIENT_INIT:
        return readClientInit(in);
      case SERVER_INIT:
        return false; // the viewer should wait for ServerInit; what it sent waits too
      case NORMAL:
        return session.read(in);
      case CLOSED:
      default:
        return false;
    }
  }

  private boolean readProtocolVersion(ByteBuf in) {
    if (in.readableBytes() < ProtocolVersion.LENGTH) {
      return false;
    }
    byte[] version = new byte[ProtocolVersion.LENGTH];
    in.readBytes(version);
    try {
      minor = ProtocolVersion.negotiate(version);
    } catch (ProtocolException e) {
      // As TigerVNC does: the failure form of the version the server announced (3.8), a zero
      // count of security types and the reason, which the viewer can show.
      ByteBuf out = ctx.alloc().buffer();
      ServerMessageWriter.securityTypesFailure(out, e.getMessage()
          + "; this server speaks RFB 3.3, 3.7 and 3.8");
      closeAfter(out, e.getMessage());
      return false;
    }
    LOG.debug("{}: protocol 3.{}", remote(), minor);
    security = new SecurityPhase(this, server, minor, ticket);
    security.offer();
    return true;
  }

  private boolean readClientInit(ByteBuf in) {
    if (!in.isReadable()) {
      return false;
    }
    boolean shared = in.readUnsignedByte() != 0;
    session = new Session(ctx, server, record, this::pauseReading, this::resumeReading);
    if (!session.admit(shared)) {
      // ClientInit has no failure message in RFB: the refusal is the close, and the log says why.
      record.ending("refused: asked for exclusive access while other viewers are connected");
      state = ConnectionState.CLOSED;
      ctx.close();
      return false;
    }
    ticket.close(); // a session now: the limits on connections in the handshake no longer apply
    state = ConnectionState.SERVER_INIT;
    pauseReading();
    session.start(() -> {
      if (state == ConnectionState.SERVER_INIT) {
        handshakeTimer.cancel(false);
        state = ConnectionState.NORMAL;
        resumeReading();
      }
    });
    return false;
  }

  /**
   * Stops reading from the socket while the connection waits for something else (an asynchronous
   * security check, the desktop starting): what a viewer sends meanwhile would otherwise pile up
   * in the decoder's buffer without bound. I/O thread.
   */
  void pauseReading() {
    paused = true;
    ctx.channel().config().setAutoRead(false);
  }

  /**
   * Reads again, first decoding what arrived while paused; if that decoding paused again (a long
   * clipboard text still waiting for room), the socket stays unread. I/O thread.
   */
  void resumeReading() {
    paused = false;
    resumeDecoding();
    if (!paused && state != ConnectionState.CLOSED) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /**
   * While paused, no read is asked for: {@link ByteToMessageDecoder} asks for one whenever auto-read
   * is off and nothing was decoded, which would undo the pause and let the buffer grow.
   */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    if (paused) {
      ctx.fireChannelReadComplete();
    } else {
      super.channelReadComplete(ctx);
    }
  }

  /**
   * Decodes bytes that arrived while the connection waited for something else (an asynchronous
   * security check, the desktop starting): Netty calls {@link #decode} only when more bytes
   * arrive, and a viewer that already sent its next message may send nothing more until answered.
   * I/O thread.
   */
  private void resumeDecoding() {
    try {
      channelRead(ctx, Unpooled.EMPTY_BUFFER);
    } catch (Exception e) {
      exceptionCaught(ctx, e);
    }
  }

  /** Where the connection stands. */
  ConnectionState state() {
    return state;
  }

  /** Moves to {@code next}. Called by the phases. */
  void enter(ConnectionState next) {
    state = next;
  }

  /** The layers under the connection. */
  ConnectionLayers layers() {
    return layers;
  }

  /** The channel context. */
  ChannelHandlerContext ctx() {
    return ctx;
  }

  /** What the operator may learn about this connection. */
  ConnectionRecord record() {
    return record;
  }

  /** The peer's address for log lines. */
  String remote() {
    SocketAddress peer = ctx.channel().remoteAddress();
    // a Unix socket's peer has no name: say what it is
    return peer instanceof InetSocketAddress ? String.valueOf(peer) : ConnectionRecord.peer(peer);
  }

  /** Ends the connection for a logged reason, after writing {@code farewell} if not null. */
  void closeAfter(ByteBuf farewell, String reason) {
    if (state == ConnectionState.CLOSED) {
      if (farewell != null) {
        farewell.release();
      }
      return;
    }
    state = ConnectionState.CLOSED;
    record.ending(reason);
    LOG.warn("{}: closing: {}", remote(), reason);
    if (farewell != null) {
      ctx.writeAndFlush(farewell).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
  }

  private void fail(String reason) {
    if (session != null && state == ConnectionState.NORMAL) {
      state = ConnectionState.CLOSED;
      session.close(reason);
    } else {
      closeAfter(null, reason);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (session != null && ctx.channel().isWritable()) {
      session.writable();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (record == null) { // never started
      super.channelInactive(ctx);
      return;
    }
    state = ConnectionState.CLOSED;
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
    }
    if (ticket != null) {
      ticket.close();
    }
    if (layers != null) {
      layers.release();
    }
    if (session != null) {
      session.ended();
    }
    String reason = record.endReason();
    server.events().disconnected(record, reason != null ? reason : "the viewer closed the connection");
    LOG.debug("{}: disconnected", remote());
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause.getCause() instanceof ProtocolException p) {
      fail(p.getMessage());
      return;
    }
    LOG.warn("{}: closing after an error: {}", remote(), cause.toString(), cause);
    record.ending("error: " + cause);
    state = ConnectionState.CLOSED;
    ctx.close();
  }
}
