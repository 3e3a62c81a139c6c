package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.api.transport.SharedPortProtocol.Recognition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first moments of a TCP connection while another protocol shares the RFB port: RFB viewers
 * wait for the server's greeting, browsers speak first. For up to the configured wait, what the
 * client sends is shown to each {@link SharedPortProtocol}; the first to recognize it takes the
 * connection over. A client that sends nothing by then, or something none recognizes, is greeted
 * and served as RFB (with what it sent). What is held meanwhile is bounded by {@link #MAX_HELD}
 * and one read.
 * I/O thread only.
 */
final class SharedPortWait extends ChannelInboundHandlerAdapter {

  /** Its name in the pipeline. */
  static final String NAME = "shared-port-wait";
  /** More than this without a decision is not a protocol that shares the port. */
  static final int MAX_HELD = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(SharedPortWait.class);

  private final ServerContext server;
  private final List<SharedPortProtocol> protocols;
  private final long waitMillis;
  private final Runnable serveRfb;
  private ByteBuf held;
  private ScheduledFuture<?> timer;
  private boolean decided;

  /**
   * @param protocols those registered when the connection came
   * @param serveRfb puts the RFB handlers into the pipeline (after this one is gone)
   */
  SharedPortWait(ServerContext server, List<SharedPortProtocol> protocols, long waitMillis,
      Runnable serveRfb) {
    this.server = server;
    this.protocols = List.copyOf(protocols);
    this.waitMillis = waitMillis;
    this.serveRfb = serveRfb;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    timer = ctx.executor().schedule(() -> rfb(ctx), waitMillis, TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (decided || !(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (held == null) {
      held = ctx.alloc().buffer(in.readableBytes());
    }
    held.writeBytes(in);
    ReferenceCountUtil.release(in);
    boolean more = false;
    for (SharedPortProtocol p : protocols) {
      Recognition r = recognize(p, ctx.channel());
      if (r == Recognition.YES) {
        handOver(ctx, p);
        return;
      }
      more |= r == Recognition.MORE;
    }
    if (!more || held.readableBytes() > MAX_HELD) {
      rfb(ctx);
    }
  }

  private Recognition recognize(SharedPortProtocol p, Channel ch) {
    try {
      Recognition r = p.recognize(held.duplicate());
      return r == null ? Recognition.NO : r;
    } catch (RuntimeException e) {
      LOG.warn("{}: {} failed to look at the first bytes: {}", ch.remoteAddress(), p, e.toString());
      return Recognition.NO;
    }
  }

  private void handOver(ChannelHandlerContext ctx, SharedPortProtocol p) {
    decided = true;
    timer.cancel(false);
    Channel ch = ctx.channel();
    ByteBuf received = held;
    held = null;
    ch.config().setAutoRead(false);
    ctx.pipeline().remove(this);
    try {
      p.takeOver(ch, received, server.desktopId());
    } catch (RuntimeException e) {
      LOG.warn("{}: {} failed to take the connection over: {}", ch.remoteAddress(), p, e.toString());
      ch.close();
    }
  }

  /** Greets the client as an RFB viewer, handing on what it sent. */
  private void rfb(ChannelHandlerContext ctx) {
    if (decided || !ctx.channel().isActive()) {
      return;
    }
    decided = true;
    timer.cancel(false);
    ByteBuf received = held;
    held = null;
    ctx.pipeline().remove(this);
    serveRfb.run();
    if (received != null) {
      ctx.pipeline().context(RfbStream.NAME).fireChannelRead(received);
      ctx.pipeline().context(RfbStream.NAME).fireChannelReadComplete();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    release();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
    if (!decided) {
      release();
    }
  }

  private void release() {
    if (timer != null) {
      timer.cancel(false);
    }
    if (held != null) {
      held.release();
      held = null;
    }
  }
}
