package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between Netty's WebSocket frame codec and the engine: RFB is a byte stream, so the payload of
 * every binary and continuation frame goes on to the engine as it comes, frame by frame, and a
 * message of endless fragments costs no more than one fragment; each ByteBuf the engine writes
 * becomes one binary frame. A text frame is no RFB (close 1003), a ping is answered, a close is
 * echoed. When the engine closes the channel, a close frame (1000) goes out first. Event loop only.
 *
 * <p>Pongs wait for the socket as the engine's own output does: while the channel is above its
 * high-water mark only the latest ping is remembered, and answered once it is writable again (RFC
 * 6455 5.5.3 lets an endpoint answer only the most recent ping). A browser that sent pings and never
 * read would otherwise have every answer queued: 64 MiB of pings held 56 MiB of buffers for one
 * connection, still in its RFB handshake and counted by no output limit.
 */
final class WebSocketRfbBridge extends ChannelDuplexHandler {

  static final String NAME = "websocket-rfb";

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRfbBridge.class);

  private boolean closeSent;
  /** The payload of the latest ping not answered yet, while the channel is not writable. */
  private ByteBuf pendingPong;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
      ByteBuf payload = ((io.netty.handler.codec.http.websocketx.WebSocketFrame) msg).content();
      if (payload.isReadable()) {
        ctx.fireChannelRead(payload);
      } else {
        payload.release();
      }
    } else if (msg instanceof TextWebSocketFrame) {
      ReferenceCountUtil.release(msg);
      LOG.info("WebSocket from {} closed (1003): a text frame, where RFB needs binary ones",
          ctx.channel().remoteAddress());
      closeWith(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE);
    } else if (msg instanceof PingWebSocketFrame ping) {
      pong(ctx, ping.content());
    } else if (msg instanceof CloseWebSocketFrame close) {
      LOG.debug("WebSocket from {} closed by the browser ({})", ctx.channel().remoteAddress(), close.statusCode());
      close.release();
      closeWith(ctx, WebSocketCloseStatus.NORMAL_CLOSURE);
    } else {
      // pongs, and the end of the upgrade request that the HTTP codec still delivers
      ReferenceCountUtil.release(msg);
    }
  }

  private void pong(ChannelHandlerContext ctx, ByteBuf payload) {
    if (ctx.channel().isWritable() && pendingPong == null) {
      ctx.writeAndFlush(new PongWebSocketFrame(payload));
      return;
    }
    if (pendingPong != null) {
      pendingPong.release(); // superseded by a newer ping
    }
    pendingPong = payload;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (pendingPong != null && ctx.channel().isWritable() && !closeSent) {
      ByteBuf payload = pendingPong;
      pendingPong = null;
      ctx.writeAndFlush(new PongWebSocketFrame(payload));
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pendingPong != null) {
      pendingPong.release();
      pendingPong = null;
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf) {
      ctx.write(new BinaryWebSocketFrame(buf), promise);
    } else {
      ctx.write(msg, promise);
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (!closeSent && ctx.channel().isActive()) {
      closeSent = true;
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
    }
    ctx.close(promise);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException) {
      // Netty's decoder has sent the close frame (1002 or 1009) and closes the channel.
      closeSent = true;
      LOG.info("WebSocket from {} closed: {}", ctx.channel().remoteAddress(), cause.getMessage());
      ctx.close();
    } else {
      ctx.fireExceptionCaught(cause);
    }
  }

  private void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status) {
    if (closeSent) {
      ctx.close();
      return;
    }
    closeSent = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
  }
}
