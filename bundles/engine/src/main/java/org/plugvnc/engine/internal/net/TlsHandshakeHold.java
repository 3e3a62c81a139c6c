package org.plugvnc.engine.internal.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.handler.ssl.SslHandler;
import java.nio.channels.ClosedChannelException;

/**
 * Holds what the connection writes after TLS was put under it until the TLS handshake is done,
 * then lets it through and leaves the pipeline. Why: a handshake goes on writing at once (VeNCrypt's
 * VNC challenge inside TLS, the SecurityResult of X509None), and application data handed to a
 * server's JDK SSLEngine before the client's ClientHello arrived makes it start the handshake from
 * its side, which GnuTLS (TigerVNC's viewer) does not take: the handshake never completes. Only
 * the few bytes of a security handshake wait here; ClientInit cannot come before TLS is up.
 */
final class TlsHandshakeHold extends ChannelOutboundHandlerAdapter {

  /** Its name in the pipeline, right after the SslHandler. */
  static final String NAME = "tls-hold";

  private final SslHandler tls;
  private PendingWriteQueue held;
  private boolean flushWanted;

  TlsHandshakeHold(SslHandler tls) {
    this.tls = tls;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    held = new PendingWriteQueue(ctx);
    tls.handshakeFuture().addListener(done -> {
      if (ctx.channel().eventLoop().inEventLoop()) {
        release(ctx, done.isSuccess(), done.cause());
      } else {
        ctx.channel().eventLoop().execute(() -> release(ctx, done.isSuccess(), done.cause()));
      }
    });
  }

  private void release(ChannelHandlerContext ctx, boolean success, Throwable cause) {
    if (ctx.isRemoved()) {
      return;
    }
    if (success) {
      held.removeAndWriteAll();
      if (flushWanted) {
        ctx.flush();
      }
    } else {
      held.removeAndFailAll(cause);
    }
    ctx.pipeline().remove(this);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    held.add(msg, promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    flushWanted = true; // the SslHandler flushes its own handshake messages
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
    // What waits for a handshake that will not finish now is dropped; a refusal written before
    // the close is never sent in clear.
    held.removeAndFailAll(new ClosedChannelException());
    super.close(ctx, promise);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (!held.isEmpty()) {
      held.removeAndFailAll(new ClosedChannelException());
    }
  }
}
