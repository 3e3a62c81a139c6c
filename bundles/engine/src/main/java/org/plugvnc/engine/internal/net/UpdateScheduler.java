package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.update.ClientSettings;
import org.plugvnc.engine.internal.update.FrameSnapshot;
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

  private final Outbox outbox;
  private final OutputBudget budget;
  private final DesktopHub desktop;
  private final SessionEncoders encoders;
  /** Requested areas are merged into at most this many rectangles (over-covering is harmless). */
  private static final int MAX_REQUEST_RECTS = 8;

  private final UpdateTracker tracker = new UpdateTracker();
  private final FrameSnapshot snapshot = new FrameSnapshot();
  private ClientSettings settings = ClientSettings.INITIAL;
  private PixelWriter pixels;
  private Rect bounds;
  private Region requested = Region.EMPTY;
  private Region forced = Region.EMPTY;
  private boolean pending;
  private boolean resizePending;
  private boolean cursorPending;

  UpdateScheduler(Outbox outbox, OutputBudget budget, DesktopHub desktop, SessionEncoders encoders) {
    this.outbox = outbox;
    this.budget = budget;
    this.desktop = desktop;
    this.encoders = encoders;
  }

  /** The size told in ServerInit and the initial pixel format. */
  void init(int width, int height, PixelWriter writer) {
    this.bounds = new Rect(0, 0, width, height);
    this.pixels = writer;
  }

  /** A new pixel format: the cursor goes again in it, to a viewer that takes cursors. */
  void pixelFormat(PixelWriter writer) {
    this.pixels = writer;
    cursorPending |= settings.cursor();
    trySend();
  }

  /** A new SetEncodings; a cursor newly listed answers a request already pending. */
  void settings(ClientSettings next) {
    // Sent when newly listed; never to a viewer that stopped listing it.
    cursorPending = next.cursor() && (cursorPending || !settings.cursor());
    settings = next;
    encoders.configure(next.encodingSettings());
    trySend();
  }

  void request(boolean incremental, Rect area) {
    Rect clipped = area.intersect(bounds);
    // Bounded: a viewer sending thousands of tiny requests must not make merging quadratic.
    requested = requested.union(clipped).simplified(MAX_REQUEST_RECTS);
    if (!incremental) {
      forced = forced.union(clipped).simplified(MAX_REQUEST_RECTS);
    }
    pending = true;
    trySend();
  }

  void damage(Region region) {
    if (bounds == null) {
      return;
    }
    tracker.damage(region.intersect(bounds));
    trySend();
  }

  void copy(Rect target, Point source) {
    if (bounds == null) {
      return;
    }
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
    if (bounds == null) {
      return true; // ServerInit, still to come, tells the size
    }
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
    if (!pending || bounds == null || !outbox.readyForUpdate()) {
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
    SessionEncoders.Choice copyEncoder = encoders.copyEncoder(settings);
    Region copy = plannedCopy(copyEncoder);
    if (!copy.isEmpty()) {
      content.copy(copy, tracker.copyDx(), tracker.copyDy(), copyEncoder);
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
  private Region plannedCopy(SessionEncoders.Choice copyEncoder) {
    Region copy = tracker.copy();
    if (copy.isEmpty()) {
      return copy;
    }
    boolean sendable = copyEncoder != null
        && copy.subtract(requested).isEmpty()
        && forced.intersect(copy).isEmpty();
    if (!sendable) {
      tracker.copyAsDamage();
      return Region.EMPTY;
    }
    return copy;
  }

  /**
   * Writes the update; false if the framebuffer changed size before its pixels were captured (the
   * backend resized between the check and the read): then nothing was encoded, nothing is sent,
   * and the resize notification that follows sends again. False too when there is no room for it
   * now (other viewers' output fills the {@link OutputBudget} until it sheds those that do not
   * read, or memory ran short): the request stays pending and is tried again shortly, rather than
   * ending a viewer that reads.
   *
   * @throws RuntimeException from an encoder; the buffer is released and the session ends
   */
  private boolean send(UpdateWriter.Content content, Framebuffer fb) {
    int size = content.estimatedSize(pixels.bytesPerPixel());
    if (!budget.tryReserve(size)) {
      outbox.retryLater("the output of all viewers is at sendBufferTotalLimit");
      return false;
    }
    ByteBuf out = null;
    try {
      out = outbox.alloc().buffer(size);
      UpdateWriter.write(out, content, fb, pixels, snapshot);
    } catch (IndexOutOfBoundsException e) {
      out.release();
      if (fb.width() == bounds.width() && fb.height() == bounds.height()) {
        throw new IllegalStateException("an encoder read outside its rectangle", e);
      }
      return false;
    } catch (OutOfMemoryError e) {
      if (out != null) {
        out.release();
      }
      outbox.retryLater("no memory for an update now: " + e);
      return false;
    } catch (RuntimeException e) {
      if (out != null) {
        out.release();
      }
      throw e;
    } finally {
      snapshot.release();
    }
    pending = false;
    outbox.send(out);
    return true;
  }

  void close() {
    encoders.close();
  }
}
