package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.api.security.Identity;
import org.plugvnc.engine.internal.desktop.DesktopClient;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.protocol.ClientMessageHandler;
import org.plugvnc.engine.internal.protocol.ClientMessageReader;
import org.plugvnc.engine.internal.protocol.ProtocolException;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;
import org.plugvnc.engine.internal.update.ClientSettings;
import org.plugvnc.engine.internal.update.SessionEncoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer in the normal phase: handles its messages, attaches it to the desktop and answers its
 * update requests (see {@link UpdateScheduler}). Confined to the channel's I/O thread; desktop and
 * clipboard callbacks from other threads are handed over with {@code execute}.
 */
public final class Session implements ClientMessageHandler, DesktopClient {

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final ChannelHandlerContext ctx;
  private final ServerContext server;
  private final ConnectionRecord record;
  private final Identity identity;
  private final String remote;
  private final ClientMessageReader reader;
  private final Outbox outbox;
  private final UpdateScheduler updates;
  private PixelWriter pixels = PixelWriters.forFormat(PixelFormat.RGB888);
  private final CutTextIntake cutText;
  private boolean attached;
  /** A pointer-moved task waits on the event loop; further moves only mark it. */
  private final java.util.concurrent.atomic.AtomicBoolean pointerTaskQueued =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Whether a move waiting for that task was made by something other than this viewer. */
  private volatile boolean pointerMovedByOthers;
  private boolean closed;

  /**
   * @param pauseReading stops reading from the socket (a long clipboard text waits for room)
   * @param resumeReading reads again, first decoding what is buffered
   */
  Session(ChannelHandlerContext ctx, ServerContext server, ConnectionRecord record,
      Runnable pauseReading, Runnable resumeReading) {
    this.ctx = ctx;
    this.server = server;
    this.record = record;
    this.identity = record.identity();
    this.remote = record.peer();
    this.reader = new ClientMessageReader(this, server.settings().maxCutText());
    this.cutText = new CutTextIntake(server.inputBudget(), remote, pauseReading, resumeReading,
        new SingleRetry(ctx.executor()));
    this.outbox = new Outbox(ctx, server.settings().sendBufferLimit(), this::close, record);
    this.updates = new UpdateScheduler(outbox, server.outputBudget(), server.desktop(),
        new SessionEncoders(server::encoders), new SingleRetry(ctx.executor()), record);
    outbox.onRoom(this::writable);
  }

  /**
   * Applies the share policy to ClientInit's flag, registering the session in the same atomic step
   * as the decision (two exclusive viewers arriving together cannot both stay); false when refused.
   * A view-only viewer cannot take exclusive access: its shared=0 counts as shared, as in TigerVNC.
   */
  boolean admit(boolean shared) {
    SharePolicy policy = server.settings().sharePolicy();
    boolean exclusive = !shared && policy != SharePolicy.SHARED;
    if (exclusive && identity.viewOnly()) {
      LOG.info("{}: a view-only viewer asked for exclusive access; it shares the desktop", remote);
      exclusive = false;
    }
    if (!server.sessions().admit(this, exclusive, policy)) {
      LOG.warn("{}: refused: asked for exclusive access while other viewers are connected "
          + "(sharePolicy=REFUSE)", remote);
      return false;
    }
    return true;
  }

  /**
   * Attaches to the desktop, which starts its backend off the I/O threads if this is the first
   * viewer; ServerInit goes out once that is done, with the size the desktop then has, and
   * {@code started} runs on this session's I/O thread.
   */
  void start(Runnable started) {
    attached = true;
    server.desktop().attach(this, () -> onLoop(() -> {
      Framebuffer fb = server.desktop().framebuffer();
      updates.init(fb.width(), fb.height(), pixels);
      ByteBuf out = outbox.alloc().buffer();
      ServerMessageWriter.serverInit(out, fb.width(), fb.height(), PixelFormat.RGB888,
          server.settings().desktopName());
      outbox.send(out);
      outbox.open();
      LOG.info("{}: session started ({}x{}, {} viewer(s))", remote, fb.width(), fb.height(),
          server.sessions().sessions().size());
      started.run();
    }));
  }

  /** Reads one client message; false when more bytes are needed. */
  boolean read(ByteBuf in) {
    return !closed && reader.read(in);
  }

  @Override
  public void setPixelFormat(PixelFormat format) {
    format.problem().ifPresent(p -> {
      throw new ProtocolException("invalid pixel format " + format + ": " + p);
    });
    pixels = PixelWriters.forFormat(format);
    record.pixelFormat(format);
    PixelWriters.colourMap(pixels).ifPresent(map -> outbox.offer(Outbox.Slot.COLOUR_MAP, alloc -> {
      ByteBuf out = alloc.buffer(6 + 6 * map.length);
      ServerMessageWriter.setColourMapEntries(out, 0, map);
      return out;
    }));
    updates.pixelFormat(pixels);
  }

  @Override
  public void setEncodings(int[] encodings) {
    ClientSettings settings = new ClientSettings(encodings);
    record.encodingsListed(settings.encodings());
    updates.settings(settings);
  }

  @Override
  public void framebufferUpdateRequest(boolean incremental, Rect area) {
    updates.request(incremental, area);
  }

  @Override
  public void keyEvent(KeyEvent event) {
    if (!identity.viewOnly()) {
      server.desktop().key(event);
    }
  }

  @Override
  public void pointerEvent(PointerEvent e) {
    if (!identity.viewOnly()) {
      Framebuffer fb = server.desktop().framebuffer();
      int x = Math.max(0, Math.min(e.x(), fb.width() - 1));
      int y = Math.max(0, Math.min(e.y(), fb.height() - 1));
      server.desktop().pointer(new PointerEvent(e.buttonMask(), x, y), this);
    }
  }

  /** A long clipboard text is coming; see {@link CutTextIntake}. */
  @Override
  public CutTextAdmission admitCutText(int length) {
    return cutText.admit(length, !identity.viewOnly() && server.clipboard() != null);
  }

  @Override
  public void clientCutText(byte[] latin1) {
    cutText.release();
    Clipboard clipboard = server.clipboard();
    if (!identity.viewOnly() && clipboard != null) {
      clipboard.setText(new String(latin1, StandardCharsets.ISO_8859_1), this);
    }
  }

  /**
   * Sends clipboard text set by someone else (a ServerCutText shared by every session); replaces
   * text still waiting for this viewer. Any thread.
   */
  public void clipboardChanged(SharedMessage text, Object origin) {
    if (origin != this) {
      outbox.offer(Outbox.Slot.CUT_TEXT, text.share());
    }
  }

  /** Merged with other damage waiting for the I/O thread, in order with copies. Any thread. */
  @Override
  public void desktopDamaged(Region region) {
    if (updates.changes().damaged(region)) {
      onLoop(updates::applyChanges);
    }
  }

  @Override
  public void desktopCopied(Rect target, Point source) {
    if (updates.changes().copied(target, source)) {
      onLoop(updates::applyChanges);
    }
  }

  @Override
  public void desktopResized(int width, int height) {
    onLoop(() -> {
      if (!updates.resize(width, height)) {
        close("the desktop was resized to " + width + "x" + height
            + " and the viewer does not support DesktopSize");
      }
    });
  }

  @Override
  public void desktopCursorChanged(CursorShape shape) {
    onLoop(updates::cursorChanged);
  }

  @Override
  public void desktopPointerMoved(int x, int y, boolean own) {
    // Coalesced: a viewer moving the pointer at line rate must not queue a task per move on the
    // event loops of all the others.
    if (!own) {
      pointerMovedByOthers = true;
    }
    if (pointerTaskQueued.compareAndSet(false, true)) {
      onLoop(() -> {
        pointerTaskQueued.set(false);
        boolean byOthers = pointerMovedByOthers;
        pointerMovedByOthers = false;
        updates.cursorMoved(byOthers);
      });
    }
  }

  @Override
  public void desktopBell() {
    outbox.offer(Outbox.Slot.BELL, alloc -> {
      ByteBuf out = alloc.buffer(1);
      ServerMessageWriter.bell(out);
      return out;
    });
  }

  @Override
  public void desktopFailed(String reason) {
    close(reason);
  }

  /** What the operator may learn about this viewer. Any thread. */
  public ConnectionRecord record() {
    return record;
  }

  /** Bytes this viewer's socket has taken so far. Any thread. */
  public long bytesSent() {
    return Math.max(0, record.bytesWritten() - outbox.queuedBytes());
  }

  /** Bytes queued for this viewer that its socket has not taken yet. Any thread. */
  long queuedBytes() {
    return outbox.queuedBytes();
  }

  /** How long its output has waited without the viewer taking any (see {@link Outbox#stalledNanos}). */
  long stalledNanos(long now, long queued) {
    return outbox.stalledNanos(now, queued);
  }

  /** The socket drained below its low-water mark: an update held back may go now. */
  void writable() {
    outbox.drain();
    updates.trySend();
  }

  /**
   * Runs {@code r} on the I/O thread. A failure there would only be logged by Netty and leave the
   * session half alive, so it ends the session instead.
   */
  private void onLoop(Runnable r) {
    ctx.executor().execute(() -> {
      if (!closed) {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.error("{}: update failed", remote, e);
          close("internal error: " + e);
        }
      }
    });
  }

  /**
   * Ends the session for {@code reason} (logged). Any thread. Closes at once: the normal phase has
   * no farewell message, and waiting for queued updates to drain would keep a viewer that stopped
   * reading connected for ever.
   */
  public void close(String reason) {
    ctx.executor().execute(() -> {
      if (!closed) {
        LOG.warn("{}: closing: {}", remote, reason);
        record.ending(reason);
        closed = true;
        outbox.close();
        ctx.close();
      }
    });
  }

  /** The connection is gone: detach and release. */
  void ended() {
    closed = true;
    outbox.close();
    cutText.close();
    server.sessions().remove(this);
    if (attached) {
      attached = false;
      server.desktop().detach(this);
    }
    updates.close();
    LOG.info("{}: session ended", remote);
  }
}
