package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.testsupport.Bytes;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.Corpus;

/**
 * Whole FramebufferUpdates as {@link UpdateWriter} writes them: the pixels captured, the selector's
 * pieces encoded in order, the count (or LastRect), decoded by {@link ViewerModel} from the spec.
 */
class UpdateWriterTest {

  private static final int W = 8;
  private static final int H = 6;
  private static final PixelWriter RGB888 = PixelWriters.forFormat(PixelFormat.RGB888);

  private final ArrayFramebuffer fb = ArrayFramebuffer.distinct(W, H);

  /** Writes {@code c} for a viewer that listed {@code list}, with {@code registry}'s factories. */
  private static ByteBuf write(UpdateWriter.Content c, ArrayFramebuffer fb, PixelWriter w,
      Supplier<Map<Integer, EncoderFactory>> registry, int... list) {
    ByteBuf out = Unpooled.buffer();
    UpdateWriter.write(out, c, fb, w, new FrameSnapshot(),
        new EncodingSelector(new SessionEncoders(registry)), new ClientSettings(list), RectTally.NONE);
    return out;
  }

  private static ByteBuf write(UpdateWriter.Content c, ArrayFramebuffer fb, PixelWriter w) {
    return write(c, fb, w, Map::of);
  }

  @Test
  void twoRawRectanglesInTrueColour() {
    Rect a = new Rect(1, 1, 3, 2);
    Rect b = new Rect(5, 3, 2, 3);
    UpdateWriter.Content c = new UpdateWriter.Content().pixels(Region.of(a).union(b), Region.EMPTY);
    byte[] bytes = Bytes.readable(write(c, fb, RGB888));
    assertArrayEquals(of(0, 0, 0, 2), Arrays.copyOf(bytes, 4));
    assertEquals(4 + 2 * 12 + (6 + 6) * 4, bytes.length);
    // the first rectangle, whichever it is, byte by byte
    Rect first = bytes[5] == 1 ? a : b;
    assertArrayEquals(of(0, first.x(), 0, first.y(), 0, first.width(), 0, first.height(), 0, 0, 0, 0),
        Arrays.copyOfRange(bytes, 4, 16));
    int firstPixel = fb.at(first.x(), first.y());
    assertArrayEquals(of(firstPixel & 0xFF, (firstPixel >> 8) & 0xFF, (firstPixel >> 16) & 0xFF, 0),
        Arrays.copyOfRange(bytes, 16, 20));

    ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    List<ViewerModel.Header> headers = viewer.apply(Unpooled.wrappedBuffer(bytes));
    assertEquals(Set.of(a, b), rects(headers));
    for (Rect r : List.of(a, b)) {
      for (int y = r.y(); y < r.bottom(); y++) {
        for (int x = r.x(); x < r.right(); x++) {
          assertEquals(fb.at(x, y), viewer.pixels[y * W + x], "pixel " + x + "," + y);
        }
      }
    }
    assertEquals(0, viewer.pixels[0], "outside the update nothing is sent");
  }

  @Test
  void wholeFramebufferIn8BitColourMap() {
    PixelFormat f = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);
    PixelWriter w = PixelWriters.forFormat(f);
    int[] map = PixelWriters.colourMap(w).orElseThrow();
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, W, H)), Region.EMPTY);
    byte[] bytes = Bytes.readable(write(c, fb, w));
    assertEquals(4 + 12 + W * H, bytes.length);
    ViewerModel viewer = new ViewerModel(W, H, f, map);
    viewer.apply(Unpooled.wrappedBuffer(bytes));
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int src = fb.at(x, y);
        int got = viewer.pixels[y * W + x];
        assertTrue(PixelDecoder.near(src, got, PixelDecoder.tolerance(7), PixelDecoder.tolerance(7),
            PixelDecoder.tolerance(3)), String.format("%06X as %06X", src, got));
      }
    }
  }

  @Test
  void pseudoRectanglesComeFirstAndAreCounted() {
    CursorShape cursor = new CursorShape(2, 1, 1, 0, new int[] {0xFF112233, 0x00445566});
    UpdateWriter.Content c = new UpdateWriter.Content().desktopSize(W, H).cursor(cursor)
        .pixels(Region.of(new Rect(0, 0, 1, 1)), Region.EMPTY);
    byte[] bytes = Bytes.readable(write(c, fb, RGB888));
    assertArrayEquals(of(0, 0, 0, 3, 0, 0, 0, 0, 0, W, 0, H, 0xFF, 0xFF, 0xFF, 0x21),
        Arrays.copyOf(bytes, 16));
    List<ViewerModel.Header> headers = new ViewerModel(W, H, PixelFormat.RGB888, null)
        .apply(Unpooled.wrappedBuffer(bytes));
    assertEquals(List.of(-223, -239, 0), headers.stream().map(ViewerModel.Header::encoding).toList());
    assertEquals(new ViewerModel.Header(1, 0, 2, 1, -239), headers.get(1));
    assertTrue(new UpdateWriter.Content().isEmpty());
    assertFalse(c.isEmpty());
    assertFalse(new UpdateWriter.Content().pixels(Region.EMPTY, Region.of(new Rect(0, 0, 1, 1)))
        .isEmpty(), "a refresh alone is something to send");
  }

  @Test
  void theTallyIsToldEveryRectangleOnTheWire() {
    TestFactory small = TestFactory.of(Rfb.ENCODING_RAW).limits(3, 2, Integer.MAX_VALUE);
    UpdateWriter.Content c = new UpdateWriter.Content().desktopSize(W, H).cursor(null)
        .pixels(Region.of(new Rect(0, 0, W, H)), Region.EMPTY);
    List<Integer> tallied = new java.util.ArrayList<>();
    ByteBuf out = Unpooled.buffer();
    UpdateWriter.write(out, c, fb, RGB888, new FrameSnapshot(),
        new EncodingSelector(new SessionEncoders(new TestFactory.Registry().put(small))),
        new ClientSettings(new int[] {0}), tallied::add);
    List<ViewerModel.Header> headers = new ViewerModel(W, H, PixelFormat.RGB888, null).apply(out);
    assertEquals(headers.stream().map(ViewerModel.Header::encoding).toList(), tallied);
    assertTrue(tallied.size() > 3, "the pixels were split: " + tallied);
  }

  @Test
  void rectanglesLargerThanTheEncoderTakesAreSplitOnTheWire() {
    TestFactory small = TestFactory.of(Rfb.ENCODING_RAW).limits(3, 2, Integer.MAX_VALUE);
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, W, H)), Region.EMPTY);
    ByteBuf out = write(c, fb, RGB888, new TestFactory.Registry().put(small), 0);
    ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    List<ViewerModel.Header> headers = viewer.apply(out);
    assertEquals(3 * 3, headers.size());
    assertEquals(small.seen.stream().map(s -> s.request().rect()).toList(),
        headers.stream().map(ViewerModel.Header::rect).toList(), "in the selector's order");
    for (ViewerModel.Header h : headers) {
      assertTrue(h.width() <= 3 && h.height() <= 2, h.toString());
    }
    assertPicture(fb, viewer);
  }

  @Test
  void anUpdateOf65535RectanglesIsRefusedWithoutLastRect() {
    // 255 x 257 = 65535 one-pixel rectangles: the count would read as "until LastRect" to a viewer
    // that takes it, and this viewer does not.
    ArrayFramebuffer big = ArrayFramebuffer.distinct(255, 257);
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, 255, 257)), Region.EMPTY);
    ByteBuf out = Unpooled.buffer();
    TestFactory onePixel = TestFactory.of(Rfb.ENCODING_RAW).limits(1, 1, 1);
    assertThrows(IllegalStateException.class, () -> UpdateWriter.write(out, c, big, RGB888,
        new FrameSnapshot(), selector(onePixel), new ClientSettings(new int[] {0}), RectTally.NONE));
    assertEquals(0, out.writerIndex(), "refused before anything was written");
    assertTrue(onePixel.seen.isEmpty(), "and before any encoder ran");
  }

  @Test
  void anUpdateOf65535RectanglesEndsWithLastRectWhenListed() {
    ArrayFramebuffer big = ArrayFramebuffer.distinct(255, 257);
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, 255, 257)), Region.EMPTY);
    ByteBuf out = write(c, big, RGB888,
        new TestFactory.Registry().put(TestFactory.of(Rfb.ENCODING_RAW).limits(1, 1, 1)),
        0, Rfb.PSEUDO_LAST_RECT);
    assertEquals(0xFFFF, out.getUnsignedShort(2), "the count says: until LastRect");
    // rfbproto: the LastRect rectangle ends the update and carries no data.
    assertArrayEquals(of(0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x20),
        Bytes.readable(out.slice(out.writerIndex() - 12, 12)));
    ViewerModel viewer = new ViewerModel(255, 257, PixelFormat.RGB888, null).lastRect();
    List<ViewerModel.Header> headers = viewer.apply(out);
    assertEquals(65535 + 1, headers.size());
    assertEquals(new ViewerModel.Header(0, 0, 0, 0, Rfb.PSEUDO_LAST_RECT), headers.get(65535));
    assertPicture(big, viewer);
  }

  @Test
  void pseudoRectanglesCountTowardsTheLimitAnd65534GoWithTheirCount() {
    ArrayFramebuffer tall = ArrayFramebuffer.distinct(2, 32767);
    TestFactory onePixel = TestFactory.of(Rfb.ENCODING_RAW).limits(1, 1, 1);
    Region all = Region.of(new Rect(0, 0, 2, 32767));
    // 65534 rectangles: a plain count, even to a viewer that takes LastRect (vncsnapshot lists it
    // and then hangs on it, so it is sent only where it must be).
    ByteBuf plain = write(new UpdateWriter.Content().pixels(all, Region.EMPTY), tall, RGB888,
        new TestFactory.Registry().put(onePixel), 0, Rfb.PSEUDO_LAST_RECT);
    assertEquals(65534, plain.getUnsignedShort(2));
    ViewerModel viewer = new ViewerModel(2, 32767, PixelFormat.RGB888, null).lastRect();
    assertEquals(65534, viewer.apply(plain).size());
    assertPicture(tall, viewer);
    // One DesktopSize more makes 65535: LastRect.
    ByteBuf more = write(new UpdateWriter.Content().desktopSize(2, 32767).pixels(all, Region.EMPTY),
        tall, RGB888, new TestFactory.Registry().put(onePixel), 0, Rfb.PSEUDO_LAST_RECT);
    assertEquals(0xFFFF, more.getUnsignedShort(2));
    List<ViewerModel.Header> headers = new ViewerModel(2, 32767, PixelFormat.RGB888, null)
        .lastRect().apply(more);
    assertEquals(Rfb.PSEUDO_DESKTOP_SIZE, headers.get(0).encoding());
    assertEquals(Rfb.PSEUDO_LAST_RECT, headers.get(headers.size() - 1).encoding());
    assertEquals(65535 + 1, headers.size());
  }

  @Test
  void pixelsComeFromASnapshotTakenBeforeEncoding() {
    ArrayFramebuffer desktop = ArrayFramebuffer.distinct(W, H);
    int before = desktop.at(1, 1);
    TestFactory raw = TestFactory.of(Rfb.ENCODING_RAW);
    EncoderFactory changesTheDesktop = new EncoderFactory() {
      @Override
      public int encoding() {
        return Rfb.ENCODING_RAW;
      }

      @Override
      public Encoder create(EncoderContext context) {
        Encoder inner = raw.create(context);
        return new Encoder() {
          @Override
          public void encode(EncodeRequest request, RfbOutput out) {
            desktop.set(1, 1, before ^ 0xFFFFFF); // the desktop moves on during the update
            inner.encode(request, out);
          }
        };
      }
    };
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, W, H)), Region.EMPTY);
    ByteBuf out = write(c, desktop, RGB888, new TestFactory.Registry().put(changesTheDesktop), 0);
    ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    viewer.apply(out);
    assertEquals(before, viewer.pixels[W + 1], "one consistent picture per update");
  }

  @Test
  void theLossyRegionIsWhatWentOutAsJpegAndNeverTheRefresh() {
    ArrayFramebuffer photo = Corpus.PHOTO.framebuffer(200, 100, 3);
    TestFactory tight = TestFactory.of(Rfb.ENCODING_TIGHT).asLossy();
    Rect changed = new Rect(0, 0, 100, 100);
    Rect refresh = new Rect(100, 0, 100, 100);
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(changed), Region.of(refresh));
    ByteBuf out = Unpooled.buffer();
    Region lossy = UpdateWriter.write(out, c, photo, RGB888, new FrameSnapshot(), selector(tight),
        new ClientSettings(new int[] {7, -26}), RectTally.NONE);
    assertEquals(Region.of(changed), lossy, "a photograph goes out as JPEG where it changed");
    Region asked = Region.EMPTY;
    for (TestFactory.Seen s : tight.seen) {
      boolean jpeg = s.request().content() != null && s.request().content().jpeg();
      assertEquals(changed.contains(s.request().rect()), jpeg, s.request().rect().toString());
      if (jpeg) {
        asked = asked.union(s.request().rect());
      }
    }
    assertEquals(lossy, asked, "the returned region is exactly what the encoder was asked to");
    ViewerModel viewer = new ViewerModel(200, 100, PixelFormat.RGB888, null).rawPayload(7);
    for (ViewerModel.Header h : viewer.apply(out)) {
      assertEquals(Rfb.ENCODING_TIGHT, h.encoding(), h.toString());
    }
    assertPicture(photo, viewer);
  }

  @Test
  void everySceneArrivesWholeThroughATigerVncLikeSession() {
    TestFactory.Registry registry = new TestFactory.Registry().put(
        TestFactory.of(Rfb.ENCODING_TIGHT).asLossy().limits(2048, 2048, 65536),
        TestFactory.of(Rfb.ENCODING_ZRLE), TestFactory.of(Rfb.ENCODING_HEXTILE),
        TestFactory.of(Rfb.ENCODING_RRE), TestFactory.of(Rfb.ENCODING_COPY_RECT).forCopies());
    int[][] lists = {
      {7, 1, 16, 5, 2, 0, -26, -254, -224, -239}, // TigerVNC with JPEG
      {16, 5, 2, 0},                               // ZRLE preferred, RRE for fills
      {2, 16, 0},                                  // RRE first
      {5, 0},                                      // Hextile only
    };
    for (Corpus scene : Corpus.values()) {
      ArrayFramebuffer desktop = scene.framebuffer(333, 211, 11);
      for (int[] list : lists) {
        String what = scene + " " + Arrays.toString(list);
        UpdateWriter.Content c = new UpdateWriter.Content()
            .pixels(Region.of(new Rect(0, 0, 333, 211)), Region.EMPTY);
        ByteBuf out = write(c, desktop, RGB888, registry, list);
        ViewerModel viewer = new ViewerModel(333, 211, PixelFormat.RGB888, null)
            .rawPayload(7, 16, 5, 2);
        List<ViewerModel.Header> headers = viewer.apply(out);
        long area = 0;
        for (ViewerModel.Header h : headers) {
          assertTrue(Set.of(7, 16, 5, 2).contains(h.encoding()), what + ": " + h);
          area += h.rect().area();
        }
        assertEquals(333L * 211, area, what + ": every pixel exactly once");
        assertPicture(desktop, viewer);
      }
    }
  }

  private static EncodingSelector selector(EncoderFactory... factories) {
    return new EncodingSelector(new SessionEncoders(new TestFactory.Registry().put(factories)));
  }

  private static void assertPicture(ArrayFramebuffer expected, ViewerModel viewer) {
    for (int y = 0; y < expected.height(); y++) {
      for (int x = 0; x < expected.width(); x++) {
        if (expected.at(x, y) != viewer.pixels[y * expected.width() + x]) {
          assertEquals(expected.at(x, y), viewer.pixels[y * expected.width() + x],
              "pixel " + x + "," + y);
        }
      }
    }
  }

  private static Set<Rect> rects(List<ViewerModel.Header> headers) {
    Set<Rect> s = new HashSet<>();
    for (ViewerModel.Header h : headers) {
      s.add(h.rect());
    }
    return s;
  }
}
