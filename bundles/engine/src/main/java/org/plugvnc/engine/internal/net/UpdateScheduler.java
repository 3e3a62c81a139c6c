package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.update.ClientSettings;
import org.plugvnc.engine.internal.update.SessionEncoders;
import org.plugvnc.engine.internal.update.UpdateTracker;
import org.plugvnc.engine.internal.update.UpdateWriter;

/**
 * Decides when one viewer gets a FramebufferUpdate and what goes in it. An update is sent only
 * while a request is pending (never unasked), only while the socket is below its high-water mark
 * (otherwise changes keep merging: the latest picture wins, no frame queue), and only with
 * something in it: a non-incremental request gets the whole area it asked for, an incremental one
 * the damage inside its area. I/O thread only.
 */
final class UpdateScheduler {

  private final ChannelHandlerContext ctx;
  private final DesktopHub desktop;
  private final SessionEncoders encoders;
  private final UpdateTracker tracker = new UpdateTracker();
  private ClientSettings settings = ClientSettings.INITIAL;
  private PixelWriter pixels;
  private Rect bounds;
  private Region requested = Region.EMPTY;
  private Region forced = Region.EMPTY;
  private boolean pending;
  private boolean resizePending;
  private boolean cursorPending;

  UpdateScheduler(ChannelHandlerContext ctx, DesktopHub desktop, SessionEncoders encoders) {
    this.ctx = ctx;
    this.desktop = desktop;
    this.encoders = encoders;
  }

  /** The size told in ServerInit and the initial pixel format. */
  void init(int width, int height, PixelWriter writer) {
    this.bounds = new Rect(0, 0, width, height);
    this.pixels = writer;
  }

  void pixelFormat(PixelWriter writer) {
    this.pixels = writer;
  }

  void settings(ClientSettings next) {
    boolean cursorNew = next.cursor() && !settings.cursor();
    settings = next;
    encoders.configure(next.encodingSettings());
    cursorPending |= cursorNew;
  }

  void request(boolean incremental, Rect area) {
    Rect clipped = area.intersect(bounds);
    requested = requested.union(clipped);
    if (!incremental) {
      forced = forced.union(clipped);
    }
    pending = true;
    trySend();
  }

  void damage(Region region) {
    tracker.damage(region.intersect(bounds));
    trySend();
  }

  void copy(Rect target, Point source) {
    Rect src = target.translate(source.x() - target.x(), source.y() - target.y());
    if (bounds.contains(target) && bounds.contains(src)) {
      tracker.copy(target, source);
    } else {
      tracker.damage(Region.of(target.intersect(bounds)));
    }
    trySend();
  }

  /** A new desktop size; false when the viewer cannot be told (no DesktopSize support). */
  boolean resize(int width, int height) {
    Rect next = new Rect(0, 0, width, height);
    if (next.equals(bounds)) {
      tracker.reset(bounds);
      trySend();
      return true;
    }
    if (!settings.desktopSize()) {
      return false;
    }
    bounds = next;
    tracker.reset(bounds);
    requested = requested.intersect(bounds);
    forced = forced.intersect(bounds);
    resizePending = true;
    trySend();
    return true;
  }

  void cursorChanged() {
    cursorPending |= settings.cursor();
    trySend();
  }

  /** Sends an update if one is asked for, allowed and not empty. */
  void trySend() {
    if (!pending || !ctx.channel().isWritable() || pixels == null) {
      return;
    }
    Framebuffer fb = desktop.framebuffer();
    if (fb.width() != bounds.width() || fb.height() != bounds.height()) {
      return; // a resize is on its way to this thread; it will send
    }
    UpdateWriter.Content content = new UpdateWriter.Content();
    if (resizePending) {
      // Alone in its update: the viewer reallocates and asks again for the new size.
      content.desktopSize(bounds.width(), bounds.height());
      if (send(content, fb)) {
        resizePending = false;
        requested = Region.of(bounds);
      }
      return;
    }
    if (cursorPending) {
      content.cursor(desktop.cursor());
    }
    Region copy = plannedCopy();
    if (!copy.isEmpty()) {
      content.copy(copy, tracker.copyDx(), tracker.copyDy(), encoders.copyEncoder(settings));
    }
    Region px = tracker.damage().union(forced).intersect(requested);
    if (!px.isEmpty()) {
      content.pixels(px, encoders.pixelEncoder(settings));
    }
    if (!content.isEmpty() && send(content, fb)) {
      tracker.sent(px, copy);
      forced = Region.EMPTY;
      requested = Region.EMPTY;
      cursorPending = false;
    }
  }

  /** The pending copy if it can go now, else none (and the copy turns into damage). */
  private Region plannedCopy() {
    Region copy = tracker.copy();
    if (copy.isEmpty()) {
      return copy;
    }
    boolean sendable = encoders.copyEncoder(settings) != null
        && copy.subtract(requested).isEmpty()
        && forced.intersect(copy).isEmpty();
    if (!sendable) {
      tracker.copyAsDamage();
      return Region.EMPTY;
    }
    return copy;
  }

  /**
   * Writes the update; false if the framebuffer changed size under the encoder (the backend
   * resized between the check and the read), in which case nothing is sent and the resize
   * notification that follows sends again.
   */
  private boolean send(UpdateWriter.Content content, Framebuffer fb) {
    ByteBuf out = ctx.alloc().buffer(content.estimatedSize(pixels.bytesPerPixel()));
    try {
      UpdateWriter.write(out, content, fb, pixels);
    } catch (IndexOutOfBoundsException e) {
      out.release();
      return false;
    }
    pending = false;
    ctx.writeAndFlush(out);
    return true;
  }

  void close() {
    encoders.close();
  }
}
