package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.update.ClientSettings;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.engine.internal.update.EncodingSelector;
import org.plugvnc.engine.internal.update.FrameSnapshot;
import org.plugvnc.engine.internal.update.LosslessRefresh;
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
  private final EncodingSelector selector;
  private final SingleRetry refreshTimer;
  private final ConnectionRecord record;
  private final DrawnCursor drawnCursor;
  private final DesktopChanges changes = new DesktopChanges();
  /** Requested areas are merged into at most this many rectangles (over-covering is harmless). */
  private static final int MAX_REQUEST_RECTS = 8;
  /** First capacity of an update's buffer. */
  private static final int INITIAL_BUFFER = 256 * 1024;

  private final UpdateTracker tracker = new UpdateTracker();
  private final FrameSnapshot snapshot = new FrameSnapshot();
  private final LosslessRefresh refresh = new LosslessRefresh();
  private final LinkRate link = new LinkRate();
  private Region sentLossy = Region.EMPTY;
  private ClientSettings settings = ClientSettings.INITIAL;
  private PixelWriter pixels;
  private Rect bounds;
  private Region requested = Region.EMPTY;
  private Region forced = Region.EMPTY;
  private boolean pending;
  private boolean resizePending;
  private boolean cursorPending;
  /** A PointerPos to send: the pointer moved by other means than this viewer. */
  private boolean pointerPosPending;

  UpdateScheduler(Outbox outbox, OutputBudget budget, DesktopHub desktop, SessionEncoders encoders,
      SingleRetry refreshTimer, ConnectionRecord record) {
    this.outbox = outbox;
    this.record = record;
    this.budget = budget;
    this.desktop = desktop;
    this.encoders = encoders;
    this.selector = new EncodingSelector(encoders);
    this.drawnCursor = new DrawnCursor(desktop);
    this.refreshTimer = refreshTimer;
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
    boolean drawingChanges = next.cursor() != settings.cursor();
    settings = next;
    if (drawingChanges) {
      cursorMoved(false);
    }
    encoders.configure(next.encodingSettings());
    trySend();
  }

  void request(boolean incremental, Rect area) {
    link.requested(System.nanoTime());
    refresh.linkRate(link.bytesPerSecond());
    Rect clipped = area.intersect(bounds);
    // Bounded: a viewer sending thousands of tiny requests must not make merging quadratic.
    requested = requested.union(clipped).simplified(MAX_REQUEST_RECTS);
    if (!incremental) {
      forced = forced.union(clipped).simplified(MAX_REQUEST_RECTS);
    }
    pending = true;
    trySend();
  }

  /** The backend's damage and copies for this viewer, waiting for {@link #applyChanges}. */
  DesktopChanges changes() {
    return changes;
  }

  /** Takes in the changes waiting and sends what it can. */
  void applyChanges() {
    drainChanges();
    trySend();
  }

  private void drainChanges() {
    changes.drain(this::damage, c -> copy(c.target(), c.source()));
  }

  private void damage(Region region) {
    if (bounds == null) {
      return;
    }
    Region inside = region.intersect(bounds);
    tracker.damage(inside);
    refresh.damaged(inside, System.nanoTime());
  }

  private void copy(Rect target, Point source) {
    if (bounds == null) {
      return;
    }
    Region underCursor = drawnCursor.copied(target, source, bounds);
    if (!underCursor.isEmpty()) {
      tracker.damage(underCursor);
    }
    Rect src = target.translate(source.x() - target.x(), source.y() - target.y());
    if (bounds.contains(target) && bounds.contains(src)) {
      tracker.copy(target, source);
      refresh.copied(target, source);
    } else {
      tracker.damage(Region.of(target.intersect(bounds)));
    }
  }

  /** A new desktop size; false when the viewer cannot be told (no DesktopSize support). */
  boolean resize(int width, int height) {
    if (bounds == null) {
      return true; // ServerInit, still to come, tells the size
    }
    Rect next = new Rect(0, 0, width, height);
    refresh.reset();
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
    cursorMoved(false);
  }

  /**
   * The pointer moved or the cursor changed: a viewer that is sent the cursor drawn into its
   * picture gets the area it left and the area it reached again.
   */
  void cursorMoved(boolean byOthers) {
    // Told only where the desktop tracks its pointer, and never of the viewer's own moves.
    pointerPosPending |= byOthers && settings.pointerPos()
        && desktop.pointerPosition() != null;
    if (bounds != null && !settings.cursor()) {
      Region both = drawnCursor.moved(bounds);
      if (!both.isEmpty()) {
        tracker.damage(both);
      }
    }
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
    drainChanges();
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
    int[] pointerAt = pointerPosPending ? desktop.pointerPosition() : null;
    if (pointerAt != null) {
      content.pointerPos(Math.min(pointerAt[0], bounds.width() - 1),
          Math.min(pointerAt[1], bounds.height() - 1));
    }
    SessionEncoders.Choice copyEncoder = copyEncoder();
    Region copy = plannedCopy(copyEncoder);
    if (!copy.isEmpty()) {
      content.copy(copy, tracker.copyDx(), tracker.copyDy(), copyEncoder);
    }
    long now = System.nanoTime();
    Region px = tracker.damage().union(forced).intersect(requested);
    Region lossless = refresh.due(now, requested, px.union(copy));
    if (!px.isEmpty() || !lossless.isEmpty()) {
      content.pixels(px, lossless);
    }
    if (content.isEmpty()) {
      scheduleRefresh(now);
      return;
    }
    if (send(content, fb)) {
      tracker.sent(px, copy);
      refresh.sent(px.union(lossless), sentLossy, now);
      forced = Region.EMPTY;
      requested = Region.EMPTY;
      cursorPending = false;
      pointerPosPending = false;
    }
  }

  /**
   * Wakes this scheduler when the lossy area will have been quiet long enough for a refresh, which
   * then goes out if the viewer has asked for an update. Only for lossy pixels inside the area
   * asked for: others can go only once a request covers them, and that request sends anyway
   * (waking for them would find nothing to send, every millisecond, until then).
   */
  private void scheduleRefresh(long now) {
    long wait = refresh.nanosUntilDue(now);
    if (wait >= 0 && !refresh.lossy().intersect(requested).isEmpty()) {
      refreshTimer.schedule(this::trySend, wait + 1_000_000);
    }
  }

  /** CopyRect, if the viewer listed it and an encoder for it is registered; else null. */
  private SessionEncoders.Choice copyEncoder() {
    if (!settings.lists(Rfb.ENCODING_COPY_RECT)) {
      return null;
    }
    org.plugvnc.api.encoding.EncoderFactory f = encoders.usable().get(Rfb.ENCODING_COPY_RECT);
    return f != null && f.encodesCopies() ? encoders.choice(Rfb.ENCODING_COPY_RECT) : null;
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
      // Most updates compress far below the raw estimate; the buffer grows when one does not.
      UpdateWriter.capture(content, fb, snapshot);
      // A copy reported while the pixels were read may be in them already: it goes as damage.
      changes.copiesAsDamage();
      drawCursor();
      out = outbox.alloc().buffer(Math.min(size, INITIAL_BUFFER));
      sentLossy = UpdateWriter.writeCaptured(out, content, pixels, snapshot, selector, settings,
          record);
    } catch (IndexOutOfBoundsException e) {
      if (out != null) {
        out.release();
      }
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
    long now = System.nanoTime();
    link.sent(out.readableBytes(), now);
    record.updateSent(now);
    outbox.send(out);
    return true;
  }

  /** Draws the cursor into the captured pixels, for a viewer that cannot show it itself. */
  private void drawCursor() {
    if (settings.cursor()) {
      drawnCursor.forget();
      return;
    }
    Region left = drawnCursor.draw(snapshot, bounds);
    if (!left.isEmpty()) {
      tracker.damage(left);
    }
  }

  void close() {
    refreshTimer.cancel();
    encoders.close();
  }
}
