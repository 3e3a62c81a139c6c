package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * The one place that decides how each part of an update is encoded, for one session. The rules
 * for which encoding takes which kind of content are in {@link EncodingPlan}; this class applies
 * them to the pixels of an update:
 *
 * <ol>
 *   <li>Large single-colour areas are found first ({@link SolidAreas}) and sent as fills: a fill
 *       costs a dozen bytes whatever its size, and what is left is smaller and busier.
 *   <li>The rest is cut into pieces of at most {@link #SUB_MAX_WIDTH} pixels wide and
 *       {@link #SUB_MAX_AREA} pixels, as TigerVNC does: small enough that a screen of text beside a
 *       photograph falls into pieces of one kind each, large enough that headers cost nothing.
 *   <li>Each piece is classified ({@link RectAnalysis}: one colour, two, a palette, or full colour,
 *       with long runs or not) and goes to the plan's encoding for its class, cut again if that
 *       encoder takes less (CoRRE's 255 x 255).
 *   <li>Full-colour pieces go out as JPEG where the plan allows it and the area is not being
 *       refreshed losslessly; the caller learns which pieces were lossy so it can refresh them.
 * </ol>
 *
 * I/O thread only.
 */
public final class EncodingSelector {

  /** Widest piece a rectangle is cut into before classification (TigerVNC's SubRectMaxWidth). */
  static final int SUB_MAX_WIDTH = 2048;
  /** Largest piece, in pixels (TigerVNC's SubRectMaxArea). */
  static final int SUB_MAX_AREA = 65536;
  /** Most fills one update looks for: beyond it, a rectangle's area goes to its pixel encoders. */
  static final int MAX_FILLS = 512;

  private final SessionEncoders encoders;
  private final RectAnalysis analysis = new RectAnalysis();
  private EncodingPlan plan;
  private Object planClient;
  private PixelFormat planFormat;
  private Object planUsable;

  /** A selector choosing among {@code encoders}. */
  public EncodingSelector(SessionEncoders encoders) {
    this.encoders = encoders;
  }

  /**
   * One rectangle as it will be sent: its pixels at {@code offset} in the snapshot's array with
   * rows {@code stride} apart, the encoder, and what the selector found (null: not classified).
   */
  public record Piece(Rect rect, int offset, int stride, SessionEncoders.Choice choice,
      RectContent content) {

    /** Whether this piece goes out lossily. */
    public boolean lossy() {
      return content != null && content.jpeg();
    }
  }

  /**
   * The pieces for every rectangle {@code snapshot} holds, in its order. Rectangles that meet
   * {@code lossless} are never sent lossily (they are the refresh of areas sent as JPEG).
   */
  public List<Piece> select(FrameSnapshot snapshot, ClientSettings client, PixelFormat format,
      Region lossless) {
    EncodingPlan p = plan(client, format);
    List<Piece> pieces = new ArrayList<>();
    int fills = 0;
    for (int i = 0; i < snapshot.rects().size(); i++) {
      Rect r = snapshot.rects().get(i);
      Area area = new Area(snapshot.pixels(), snapshot.offset(i), r.width(), r);
      boolean jpeg = p.jpeg() && lossless.intersect(r).isEmpty();
      List<Rect> rest = List.of(r);
      if (p.findFills() && fills < MAX_FILLS) {
        List<SolidAreas.Fill> found =
            SolidAreas.find(area.px, area.base, area.stride, r, MAX_FILLS - fills);
        fills += found.size();
        Region left = Region.of(r);
        for (SolidAreas.Fill f : found) {
          addFill(pieces, area, f, encoders.choice(p.solid()));
          left = left.subtract(f.rect());
        }
        rest = left.rects();
      }
      for (Rect q : rest) {
        for (Rect sub : cut(q, SUB_MAX_WIDTH, Integer.MAX_VALUE, SUB_MAX_AREA)) {
          classified(pieces, area, sub, p, jpeg);
        }
      }
    }
    return pieces;
  }

  private void classified(List<Piece> pieces, Area area, Rect sub, EncodingPlan p, boolean jpeg) {
    RectContent content = p.analyse() ? analyse(area, sub, p, jpeg) : null;
    int encoding = content == null ? p.fullColour()
        : p.encodingFor(content.kind(), content.runs(), sub.area());
    SessionEncoders.Choice choice = encoders.choice(encoding);
    if (content != null && content.jpeg() && !choice.lossy()) {
      content = new RectContent(content.kind(), content.palette(), content.runs(), false);
    }
    EncoderFactory f = choice.factory();
    if (f == null || fits(sub, f)) {
      pieces.add(new Piece(sub, area.offset(sub), area.stride, choice, content));
      return;
    }
    // The chosen encoder takes less than a piece: cut again, and classify each part afresh, as a
    // part of a palette picture may have fewer colours than the whole.
    for (Rect part : cut(sub, f.maxWidth(), f.maxHeight(), f.maxArea())) {
      RectContent c = p.analyse() ? analyse(area, part, p, content != null && content.jpeg()) : null;
      pieces.add(new Piece(part, area.offset(part), area.stride, choice, c));
    }
  }

  private void addFill(List<Piece> pieces, Area area, SolidAreas.Fill fill,
      SessionEncoders.Choice choice) {
    Rect r = fill.rect();
    EncoderFactory f = choice.factory();
    List<Rect> parts = f == null || fits(r, f) ? List.of(r)
        : cut(r, f.maxWidth(), f.maxHeight(), f.maxArea());
    int[] palette = {fill.colour()};
    for (Rect part : parts) {
      // RectContent counts runs row by row: a fill has one a row.
      RectContent solid = new RectContent(ContentClass.SOLID, palette, part.height(), false);
      pieces.add(new Piece(part, area.offset(part), area.stride, choice, solid));
    }
  }

  private RectContent analyse(Area area, Rect sub, EncodingPlan p, boolean jpeg) {
    return analysis.analyse(area.px, area.offset(sub), area.stride, sub.width(), sub.height(),
        p.maxColours(), jpeg);
  }

  private static boolean fits(Rect r, EncoderFactory f) {
    return r.width() <= f.maxWidth() && r.height() <= f.maxHeight() && r.area() <= f.maxArea();
  }

  /** {@code r} cut into tiles within the limits, row by row. */
  static List<Rect> cut(Rect r, int maxWidth, int maxHeight, int maxArea) {
    // An area limit below the width narrows the tiles too: a row alone would exceed it.
    int w = Math.max(1, Math.min(Math.min(r.width(), maxWidth), maxArea));
    int h = Math.max(1, Math.min(Math.min(r.height(), maxHeight), Math.max(1, maxArea / w)));
    if (w == r.width() && h == r.height()) {
      return List.of(r);
    }
    List<Rect> out = new ArrayList<>();
    for (int y = r.y(); y < r.bottom(); y += h) {
      for (int x = r.x(); x < r.right(); x += w) {
        out.add(Rect.ofCorners(x, y, Math.min(x + w, r.right()), Math.min(y + h, r.bottom())));
      }
    }
    return out;
  }

  /** The plan, made again when the viewer's settings, its format or the usable encoders change. */
  EncodingPlan plan(ClientSettings client, PixelFormat format) {
    Map<Integer, EncoderFactory> usable = encoders.usable();
    if (plan == null || planClient != client || !format.equals(planFormat) || planUsable != usable) {
      plan = EncodingPlan.of(client.encodings(), client.encodingSettings(), format, usable);
      planClient = client;
      planFormat = format;
      planUsable = usable;
    }
    return plan;
  }

  /** A captured rectangle's pixels. */
  private record Area(int[] px, int base, int stride, Rect rect) {
    int offset(Rect sub) {
      return base + (sub.y() - rect.y()) * stride + (sub.x() - rect.x());
    }
  }
}
