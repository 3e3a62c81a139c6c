package org.plugvnc.engine.internal.update;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;

/**
 * Writes one FramebufferUpdate: pseudo-rectangles first (DesktopSize, then Cursor), then copies,
 * then pixels, so that the viewer copies from pixels it already has before new ones arrive.
 */
public final class UpdateWriter {

  /** What goes into one update. Fields left null or empty are not sent. */
  public static final class Content {
    Rect desktopSize;
    boolean cursor;
    CursorShape cursorShape;
    Point pointerPos;
    Region copy = Region.EMPTY;
    int copyDx;
    int copyDy;
    SessionEncoders.Choice copyEncoder;
    Region pixels = Region.EMPTY;
    Region lossless = Region.EMPTY;

    /** Sends a DesktopSize pseudo-rectangle with the framebuffer's new size. */
    public Content desktopSize(int width, int height) {
      this.desktopSize = new Rect(0, 0, width, height);
      return this;
    }

    /** Sends the cursor shape (null: an invisible cursor). */
    public Content cursor(CursorShape shape) {
      this.cursor = true;
      this.cursorShape = shape;
      return this;
    }

    /** Tells the viewer where the pointer is now (PointerPos, rfbproto's Cursor Position). */
    public Content pointerPos(int x, int y) {
      this.pointerPos = new Point(x, y);
      return this;
    }

    /** Sends {@code region} as copies from (x - dx, y - dy) with {@code encoder}. */
    public Content copy(Region region, int dx, int dy, SessionEncoders.Choice encoder) {
      this.copy = region;
      this.copyDx = dx;
      this.copyDy = dy;
      this.copyEncoder = encoder;
      return this;
    }

    /**
     * Sends the pixels of {@code region}; those of {@code refresh}, disjoint from it, too, and never
     * lossily (they refresh areas sent as JPEG before).
     */
    public Content pixels(Region region, Region refresh) {
      this.pixels = region.union(refresh);
      this.lossless = refresh;
      return this;
    }

    /** A generous guess of the update's size in bytes, so its buffer is allocated once. */
    public int estimatedSize(int bytesPerPixel) {
      // Raw's size: the pixel encoders may exceed it only by a little (Hextile's tile headers).
      long bytes = 4 + 12L * (2 + copy.rects().size() + pixels.rects().size());
      bytes += pixels.area() * bytesPerPixel;
      if (cursor && cursorShape != null) {
        bytes += (long) cursorShape.width() * cursorShape.height() * (bytesPerPixel + 1);
      }
      return (int) Math.min(bytes, 64L << 20);
    }

    /** Whether there is nothing to send. */
    public boolean isEmpty() {
      return desktopSize == null && !cursor && pointerPos == null && copy.isEmpty()
          && pixels.isEmpty();
    }
  }

  private UpdateWriter() {}

  /** Most rectangles one FramebufferUpdate can carry: its count is a U16. */
  static final int MAX_RECTANGLES = 0xFFFF;

  /**
   * Appends the FramebufferUpdate for {@code c} to {@code out} and returns the area sent lossily.
   * The pixels are first copied into {@code snapshot}, so a desktop resized meanwhile fails before
   * any encoder has run; then {@code selector} decides how each part goes out.
   *
   * @param tally told the encoding of every rectangle written
   * @throws IndexOutOfBoundsException if the desktop no longer holds the pixel rectangles
   * @throws IllegalStateException if the update would need more than 65535 rectangles and the
   *     viewer does not take LastRect
   */
  public static Region write(ByteBuf out, Content c, Framebuffer source, PixelWriter writer,
      FrameSnapshot snapshot, EncodingSelector selector, ClientSettings client, RectTally tally) {
    capture(c, source, snapshot);
    return writeCaptured(out, c, writer, snapshot, selector, client, tally);
  }

  /**
   * The first half of {@link #write}: copies the pixels {@code c} sends into {@code snapshot}.
   *
   * @throws IndexOutOfBoundsException if the desktop no longer holds the pixel rectangles
   */
  public static void capture(Content c, Framebuffer source, FrameSnapshot snapshot) {
    snapshot.capture(source, c.pixels.rects());
  }

  /** The second half of {@link #write}: the update, from pixels {@link #capture}d before. */
  public static Region writeCaptured(ByteBuf out, Content c, PixelWriter writer,
      FrameSnapshot snapshot, EncodingSelector selector, ClientSettings client, RectTally tally) {
    ViewerColours.of(writer).ifPresent(snapshot::apply);
    List<Rect> copies = orderedCopies(c);
    List<EncodingSelector.Piece> pieces =
        selector.select(snapshot, client, writer.format(), c.lossless);
    int count = (c.desktopSize != null ? 1 : 0) + (c.cursor ? 1 : 0)
        + (c.pointerPos != null ? 1 : 0) + copies.size() + pieces.size();
    // The count is a U16; past it, LastRect (rfbproto) ends an update of unstated length.
    boolean lastRect = count > MAX_RECTANGLES - 1;
    if (lastRect && !client.lastRect()) {
      throw new IllegalStateException("an update of " + count + " rectangles");
    }
    ServerMessageWriter.framebufferUpdate(out, lastRect ? MAX_RECTANGLES : count);
    if (c.desktopSize != null) {
      ServerMessageWriter.rectangle(out, 0, 0, c.desktopSize.width(), c.desktopSize.height(),
          Rfb.PSEUDO_DESKTOP_SIZE);
      tally.rect(Rfb.PSEUDO_DESKTOP_SIZE);
    }
    if (c.cursor) {
      CursorWriter.write(out, c.cursorShape, writer);
      tally.rect(Rfb.PSEUDO_CURSOR);
    }
    if (c.pointerPos != null) {
      ServerMessageWriter.rectangle(out, c.pointerPos.x(), c.pointerPos.y(), 0, 0,
          Rfb.PSEUDO_POINTER_POS);
      tally.rect(Rfb.PSEUDO_POINTER_POS);
    }
    for (Rect r : copies) {
      Point from = new Point(r.x() - c.copyDx, r.y() - c.copyDy);
      writeRect(out, c.copyEncoder, EncodeRequest.copy(r, from, writer), tally);
    }
    Region lossy = Region.EMPTY;
    int[] px = snapshot.pixels();
    for (EncodingSelector.Piece p : pieces) {
      writeRect(out, p.choice(),
          new EncodeRequest(p.rect(), px, p.offset(), p.stride(), writer, p.content(), null), tally);
      if (p.lossy()) {
        lossy = lossy.union(p.rect());
      }
    }
    if (lastRect) {
      ServerMessageWriter.rectangle(out, 0, 0, 0, 0, Rfb.PSEUDO_LAST_RECT);
      tally.rect(Rfb.PSEUDO_LAST_RECT);
    }
    return lossy;
  }

  private static void writeRect(ByteBuf out, SessionEncoders.Choice choice, EncodeRequest req,
      RectTally tally) {
    Rect r = req.rect();
    tally.rect(choice.encoding());
    ServerMessageWriter.rectangle(out, r.x(), r.y(), r.width(), r.height(), choice.encoding());
    choice.encoder().encode(req, new ByteBufRfbOutput(out));
  }

  /**
   * The copy rectangles in an order where none reads pixels an earlier one wrote: moving down,
   * the bottom ones go first; moving right, the right ones.
   */
  private static List<Rect> orderedCopies(Content c) {
    List<Rect> copies = banded(c.copy.rects());
    Comparator<Rect> order = Comparator.comparingInt(r -> c.copyDy > 0 ? -r.y() : r.y());
    order = order.thenComparingInt(r -> c.copyDx > 0 ? -r.x() : r.x());
    copies.sort(order);
    return copies;
  }

  /** The rectangles cut at every top and bottom edge, so that any two share all rows or none. */
  private static List<Rect> banded(List<Rect> rects) {
    TreeSet<Integer> edges = new TreeSet<>();
    for (Rect r : rects) {
      edges.add(r.y());
      edges.add(r.bottom());
    }
    List<Rect> out = new ArrayList<>();
    for (Rect r : rects) {
      int top = r.y();
      for (int e : edges.subSet(r.y(), false, r.bottom(), true)) {
        out.add(Rect.ofCorners(r.x(), top, r.right(), e));
        top = e;
      }
    }
    return out;
  }
}
