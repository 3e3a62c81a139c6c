package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every server-to-client message of a session's normal phase takes, and what bounds
 * the memory a viewer can cost when it stops reading.
 *
 * <p>Nothing is handed to the socket while it is above its high-water mark (Netty's writability).
 * Until then a message waits in its {@link Slot}, and a newer message of the same kind replaces it:
 * the latest colour map, the latest clipboard text and one bell are all a viewer that has not read
 * the earlier ones needs. So whatever a viewer sends and however often the desktop or the other
 * viewers change, what is held for it is at most the high-water mark plus one message of each slot
 * (clipboard text is shared between sessions, see {@link SharedMessage}). Updates are not queued at
 * all: the {@link UpdateScheduler} asks {@link #readyForUpdate()} and keeps merging damage
 * meanwhile. Should the bytes queued on the socket still pass the hard limit (a single huge
 * update), the session is closed with a logged reason.
 *
 * <p>Any write that fails ends the session through its normal close path. {@link #offer} may be
 * called from any thread; everything else runs on the session's I/O thread.
 */
final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** Messages a newer one of the same kind supersedes; drained in this order. */
  enum Slot {
    /** SetColourMapEntries: first, since updates in the new format depend on it. */
    COLOUR_MAP,
    /** ServerCutText. */
    CUT_TEXT,
    /** Bell: bells that rang while the viewer was not reading ring once. */
    BELL
  }

  /** A server message, encoded only when it is about to be handed to the socket. */
  interface Message {

    /** The message's bytes; called at most once, after which the message is spent. */
    ByteBuf encode(ByteBufAllocator alloc);

    /** The message will never be sent: releases what it holds. */
    default void discard() {}
  }

  private final ChannelHandlerContext ctx;
  private final long limit;
  private final Consumer<String> close;
  private final ConnectionRecord record;
  private final AtomicReferenceArray<Message> slots = new AtomicReferenceArray<>(Slot.values().length);
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  /** Notes progress (also within one large message) and ends the session on a failed write. */
  private final ChannelProgressiveFutureListener written;
  /** When a write last reached the socket, or the queue was last seen shrinking. */
  private volatile long lastProgressNanos = System.nanoTime();
  /** The queue's size at the budget's last look; the budget's thread only. */
  private long lastSeenQueued;
  private volatile boolean open;
  private boolean waitLogged;
  private final SingleRetry retry;
  private Runnable onRoom = () -> {};
  private volatile boolean closed;

  /**
   * @param limit bytes queued on the socket past which the session is closed
   * @param close ends the session for a reason; any thread
   * @param record counts the bytes written
   */
  Outbox(ChannelHandlerContext ctx, long limit, Consumer<String> close, ConnectionRecord record) {
    this.ctx = ctx;
    this.record = record;
    this.limit = limit;
    this.close = close;
    this.retry = new SingleRetry(ctx.executor());
    this.written = new ChannelProgressiveFutureListener() {
      @Override
      public void operationProgressed(ChannelProgressiveFuture f, long progress, long total) {
        lastProgressNanos = System.nanoTime(); // part of a large update reached the socket
      }

      @Override
      public void operationComplete(ChannelProgressiveFuture f) {
        if (f.isSuccess()) {
          lastProgressNanos = System.nanoTime();
        } else {
          close.accept("sending failed: " + f.cause());
        }
      }
    };
  }

  /** ServerInit has gone out: slot messages may follow. I/O thread. */
  void open() {
    open = true;
    drain();
  }

  /** Queues {@code m} in {@code slot}, replacing an unsent one there. Any thread. */
  void offer(Slot slot, Message m) {
    discard(slots.getAndSet(slot.ordinal(), m));
    if (closed) {
      discard(slots.getAndSet(slot.ordinal(), null));
      return;
    }
    if (ctx.executor().inEventLoop()) {
      drain();
    } else if (drainQueued.compareAndSet(false, true)) {
      ctx.executor().execute(() -> {
        drainQueued.set(false);
        drain();
      });
    }
  }

  /** Hands waiting slot messages to the socket while it is below its high-water mark. */
  void drain() {
    if (!open || closed) {
      return;
    }
    boolean wrote = false;
    for (Slot s : Slot.values()) {
      if (!ctx.channel().isWritable()) {
        break;
      }
      Message m = slots.getAndSet(s.ordinal(), null);
      if (m != null) {
        try {
          write(m.encode(ctx.alloc()), false);
          wrote = true;
        } catch (OutOfMemoryError e) {
          if (!slots.compareAndSet(s.ordinal(), null, m)) {
            m.discard(); // a newer one came meanwhile
          }
          retryLater("no memory for a message now: " + e);
          break;
        } catch (RuntimeException e) {
          m.discard();
          close.accept("could not encode a message: " + e);
          return;
        }
      }
    }
    if (wrote) {
      ctx.flush();
    }
  }

  /**
   * Whether an update may be written now: slot messages went first (a colour map must precede the
   * pixels in its format) and the socket is below its high-water mark.
   */
  boolean readyForUpdate() {
    drain();
    return open && !closed && ctx.channel().isWritable();
  }

  /** Writes and flushes {@code message} (ServerInit, an update). Takes ownership. */
  void send(ByteBuf message) {
    if (closed) {
      message.release();
      return;
    }
    write(message, true);
  }

  /**
   * What to run when room may have come back: drain the slots, then try the pending update. Set
   * once by the session.
   */
  void onRoom(Runnable onRoom) {
    this.onRoom = onRoom;
  }

  /**
   * Tries again after {@link SingleRetry#DELAY_MILLIS}: a message has to wait for room ({@code why}, logged
   * once per session). One retry at a time, whatever the number of messages waiting, and none
   * after the session closed. I/O thread.
   */
  void retryLater(String why) {
    if (!waitLogged) {
      waitLogged = true;
      LOG.warn("{}: an update waits: {}", ctx.channel().remoteAddress(), why);
    }
    if (!closed) {
      retry.schedule(onRoom);
    }
  }

  /** The allocator for messages passed to {@link #send}. */
  ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  private void write(ByteBuf message, boolean flush) {
    record.written(message.readableBytes());
    ChannelProgressivePromise promise = ctx.newProgressivePromise();
    promise.addListener(written);
    if (flush) {
      ctx.writeAndFlush(message, promise);
    } else {
      ctx.write(message, promise);
    }
    long queued = queuedBytes();
    if (queued > limit) {
      close.accept("the viewer is not reading: " + queued + " bytes are queued for it, more than "
          + "sendBufferLimit (" + limit + ")");
    }
  }

  /** Bytes written but not yet taken by the socket. Any thread. */
  long queuedBytes() {
    ChannelOutboundBuffer b = ctx.channel().unsafe().outboundBuffer();
    return b == null ? 0 : b.totalPendingWriteBytes();
  }

  /**
   * How long the queue, now {@code queued} bytes, has been waiting without the viewer taking
   * anything, in nanoseconds; 0 when nothing waits. Progress is any bytes of a write reaching the
   * socket (a slow viewer taking a large update in parts makes progress) or the queue shrinking
   * since the last call, so a viewer that keeps its queue just under the high-water mark and never
   * reads is seen as stalled too. Called periodically by the {@link OutputBudget}'s one thread.
   */
  long stalledNanos(long now, long queued) {
    if (queued == 0 || queued < lastSeenQueued) {
      lastProgressNanos = now;
    }
    lastSeenQueued = queued;
    return queued == 0 ? 0 : Math.max(0, now - lastProgressNanos);
  }

  /** The session ended: nothing more is sent; waiting messages are released. Any thread. */
  void close() {
    closed = true;
    retry.cancel();
    for (int i = 0; i < slots.length(); i++) {
      discard(slots.getAndSet(i, null));
    }
  }

  private static void discard(Message m) {
    if (m != null) {
      m.discard();
    }
  }
}
