package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.TestRequests;

/**
 * One run of {@link EncodingSelector#select} over a framebuffer, and the checks every selection
 * must pass whatever the viewer and the content: exact coverage, limits, pixel addressing, content
 * that agrees with an analysis done here independently, encodings by the plan, and JPEG only where
 * allowed.
 */
final class Selection {

  final ArrayFramebuffer fb;
  final FrameSnapshot snapshot = new FrameSnapshot();
  final EncodingPlan plan;
  final List<EncodingSelector.Piece> pieces;
  final List<Rect> captured;
  final Region lossless;
  private final int[] all;

  /** Selects for {@code rects} of {@code fb}, for a viewer that listed {@code list}. */
  Selection(ArrayFramebuffer fb, List<Rect> rects, TestFactory.Registry registry,
      PixelFormat format, Region lossless, int... list) {
    this.fb = fb;
    this.captured = List.copyOf(rects);
    this.lossless = lossless;
    this.all = new int[fb.width() * fb.height()];
    fb.read(new Rect(0, 0, fb.width(), fb.height()), all, 0, fb.width());
    EncodingSelector selector = new EncodingSelector(new SessionEncoders(registry));
    ClientSettings client = new ClientSettings(list);
    snapshot.capture(fb, rects);
    pieces = selector.select(snapshot, client, format, lossless);
    plan = selector.plan(client, format);
  }

  /**
   * Checks every piece. {@code strictEncodings}: each piece's encoding is the plan's for its own
   * content (false where an encoder's limits cut pieces after the choice, whose parts keep it).
   */
  Selection check(String what, boolean strictEncodings) {
    byte[][] times = new byte[captured.size()][];
    for (int i = 0; i < captured.size(); i++) {
      times[i] = new byte[(int) captured.get(i).area()];
    }
    for (EncodingSelector.Piece p : pieces) {
      String where = what + ": " + p;
      int i = capturedIndex(p.rect(), where);
      count(times[i], captured.get(i), p.rect());
      checkPixels(p, where);
      checkLimits(p, where);
      checkContent(p, where);
      checkEncoding(p, strictEncodings, where);
      checkJpeg(p, i, where);
    }
    for (int i = 0; i < captured.size(); i++) {
      Rect r = captured.get(i);
      for (int k = 0; k < times[i].length; k++) {
        if (times[i][k] != 1) {
          throw new AssertionError(what + ": pixel " + (r.x() + k % r.width()) + ","
              + (r.y() + k / r.width()) + " of " + r + " is in " + times[i][k] + " pieces");
        }
      }
    }
    return this;
  }

  /** Counts the pixels of {@code piece} in {@code times}, one slot a pixel of {@code r}. */
  private static void count(byte[] times, Rect r, Rect piece) {
    for (int y = piece.y(); y < piece.bottom(); y++) {
      int row = (y - r.y()) * r.width() - r.x();
      for (int x = piece.x(); x < piece.right(); x++) {
        times[row + x]++;
      }
    }
  }

  /** The pieces whose content is {@code kind}. */
  List<EncodingSelector.Piece> of(ContentClass kind) {
    return pieces.stream().filter(p -> p.content() != null && p.content().kind() == kind).toList();
  }

  /** What the plan's rules say of {@code r}, counted here from the framebuffer. */
  RectContent expected(Rect r) {
    return TestRequests.analysed(r, all, fb.width(), null, plan.maxColours(), false).content();
  }

  private int capturedIndex(Rect piece, String where) {
    assertFalse(piece.isEmpty(), where);
    for (int i = 0; i < captured.size(); i++) {
      if (captured.get(i).contains(piece)) {
        return i;
      }
    }
    throw new AssertionError(where + " lies in no captured rectangle");
  }

  /** The piece's offset and stride address its own pixels in the snapshot. */
  private void checkPixels(EncodingSelector.Piece p, String where) {
    int[] px = snapshot.pixels();
    Rect r = p.rect();
    for (int y = 0; y < r.height(); y++) {
      for (int x = 0; x < r.width(); x++) {
        int got = px[p.offset() + y * p.stride() + x];
        if (got != fb.at(r.x() + x, r.y() + y)) {
          assertEquals(fb.at(r.x() + x, r.y() + y), got, where + " pixel " + x + "," + y);
        }
      }
    }
  }

  /** Within 2048 wide and 65536 pixels unless a fill; within its factory's limits always. */
  private void checkLimits(EncodingSelector.Piece p, String where) {
    Rect r = p.rect();
    if (r.width() > EncodingSelector.SUB_MAX_WIDTH || r.area() > EncodingSelector.SUB_MAX_AREA) {
      assertNotNull(p.content(), where + " is larger than a piece and not a fill");
      assertEquals(ContentClass.SOLID, p.content().kind(), where + " is larger than a piece");
      assertTrue(plan.findFills(), where + ": a fill in a plan without fills");
    }
    EncoderFactory f = p.choice().factory();
    if (f != null) {
      assertTrue(r.width() <= f.maxWidth() && r.height() <= f.maxHeight()
          && r.area() <= f.maxArea(), where + " exceeds its encoder's limits");
    }
  }

  /** The content, where given, is what this rectangle holds (palette order and runs included). */
  private void checkContent(EncodingSelector.Piece p, String where) {
    RectContent c = p.content();
    if (c == null) {
      assertFalse(plan.analyse(), where + ": not classified in a plan that classifies");
      return;
    }
    RectContent e = expected(p.rect());
    assertEquals(e.kind(), c.kind(), where);
    if (c.kind() != ContentClass.FULL_COLOUR) {
      assertArrayEquals(e.palette(), c.palette(), where + " palette");
      assertEquals(e.runs(), c.runs(), where + " runs");
    } else {
      assertEquals(0, c.palette().length, where);
    }
  }

  private void checkEncoding(EncodingSelector.Piece p, boolean strict, String where) {
    int got = p.choice().encoding();
    RectContent c = p.content();
    if (c == null) {
      assertEquals(plan.fullColour(), got, where + ": unclassified pieces go as full colour");
    } else if (strict) {
      assertEquals(plan.encodingFor(c.kind(), c.runs(), p.rect().area()), got, where);
    } else {
      assertTrue(List.of(plan.solid(), plan.bitmap(), plan.bitmapRle(), plan.indexed(),
          plan.indexedRle(), plan.fullColour()).contains(got), where + ": not the plan's");
    }
  }

  /** JPEG exactly for full colour, where the plan and the encoder allow it, outside lossless. */
  private void checkJpeg(EncodingSelector.Piece p, int capturedIndex, String where) {
    RectContent c = p.content();
    boolean allowed = c != null && c.kind() == ContentClass.FULL_COLOUR && plan.jpeg()
        && p.choice().lossy() && lossless.intersect(captured.get(capturedIndex)).isEmpty();
    assertEquals(allowed, p.lossy(), where + " jpeg");
  }
}
