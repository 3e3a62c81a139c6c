package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.engine.internal.testsupport.Bytes;
import org.plugvnc.engine.internal.testsupport.PixelDecoder;

/** A whole FramebufferUpdate through the engine's own Raw fallback, decoded from the spec. */
class UpdateWriterTest {

  private static final int W = 8;
  private static final int H = 6;

  private final ArrayFramebuffer fb = ArrayFramebuffer.distinct(W, H);
  private final SessionEncoders encoders = new SessionEncoders(() -> Map.of());

  private static byte[] write(UpdateWriter.Content c, ArrayFramebuffer fb, PixelWriter w) {
    ByteBuf out = Unpooled.buffer();
    UpdateWriter.write(out, c, fb, w, new FrameSnapshot());
    return Bytes.readable(out);
  }

  @Test
  void twoRawRectanglesInTrueColour() {
    Rect a = new Rect(1, 1, 3, 2);
    Rect b = new Rect(5, 3, 2, 3);
    SessionEncoders.Choice raw = encoders.pixelEncoder(ClientSettings.INITIAL);
    assertEquals(0, raw.encoding());
    UpdateWriter.Content c = new UpdateWriter.Content().pixels(Region.of(a).union(b), raw);
    byte[] bytes = write(c, fb, PixelWriters.forFormat(PixelFormat.RGB888));
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
        .pixels(Region.of(new Rect(0, 0, W, H)), encoders.pixelEncoder(ClientSettings.INITIAL));
    byte[] bytes = write(c, fb, w);
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
        .pixels(Region.of(new Rect(0, 0, 1, 1)), encoders.pixelEncoder(ClientSettings.INITIAL));
    byte[] bytes = write(c, fb, PixelWriters.forFormat(PixelFormat.RGB888));
    assertArrayEquals(of(0, 0, 0, 3, 0, 0, 0, 0, 0, W, 0, H, 0xFF, 0xFF, 0xFF, 0x21),
        Arrays.copyOf(bytes, 16));
    List<ViewerModel.Header> headers = new ViewerModel(W, H, PixelFormat.RGB888, null)
        .apply(Unpooled.wrappedBuffer(bytes));
    assertEquals(List.of(-223, -239, 0), headers.stream().map(ViewerModel.Header::encoding).toList());
    assertEquals(new ViewerModel.Header(1, 0, 2, 1, -239), headers.get(1));
    assertTrue(new UpdateWriter.Content().isEmpty());
    assertTrue(!c.isEmpty());
  }

  @Test
  void splitCutsIntoPiecesNoLargerThanTheMaximum() {
    List<Rect> tiles = new ArrayList<>();
    Rect big = new Rect(3, 5, 100, 50);
    UpdateWriter.split(big, 32, 16, tiles);
    assertEquals(4 * 4, tiles.size());
    Region covered = Region.EMPTY;
    long area = 0;
    for (Rect t : tiles) {
      assertTrue(t.width() <= 32 && t.height() <= 16 && !t.isEmpty(), t.toString());
      assertTrue(big.contains(t), t.toString());
      covered = covered.union(t);
      area += t.area();
    }
    assertEquals(big.area(), area, "tiles overlap");
    assertEquals(Region.of(big), covered);
    List<Rect> one = new ArrayList<>();
    UpdateWriter.split(new Rect(0, 0, 32, 16), 32, 16, one);
    assertEquals(List.of(new Rect(0, 0, 32, 16)), one);
  }

  @Test
  void rectanglesLargerThanTheEncoderTakesAreSplitOnTheWire() {
    List<Rect> seen = new ArrayList<>();
    Encoder small = new Encoder() {
      private final Encoder raw = new FallbackRawEncoder();

      @Override
      public void encode(EncodeRequest request, RfbOutput out) {
        seen.add(request.rect());
        raw.encode(request, out);
      }

      @Override
      public int maxWidth() {
        return 3;
      }

      @Override
      public int maxHeight() {
        return 2;
      }
    };
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, W, H)), new SessionEncoders.Choice(0, small));
    byte[] bytes = write(c, fb, PixelWriters.forFormat(PixelFormat.RGB888));
    ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    List<ViewerModel.Header> headers = viewer.apply(Unpooled.wrappedBuffer(bytes));
    assertEquals(3 * 3, headers.size());
    assertEquals(new HashSet<>(seen), rects(headers));
    for (ViewerModel.Header h : headers) {
      assertTrue(h.width() <= 3 && h.height() <= 2, h.toString());
    }
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        assertEquals(fb.at(x, y), viewer.pixels[y * W + x]);
      }
    }
  }

  @Test
  void anUpdateNeedingMoreThan65535RectanglesIsRefusedRatherThanWrapped() {
    ArrayFramebuffer fb = ArrayFramebuffer.distinct(300, 300);
    Encoder onePixel = new Encoder() {
      @Override
      public void encode(EncodeRequest request, RfbOutput out) {
        out.writeU32(0);
      }

      @Override
      public int maxWidth() {
        return 1;
      }

      @Override
      public int maxHeight() {
        return 1;
      }
    };
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, 300, 300)), new SessionEncoders.Choice(0, onePixel));
    ByteBuf out = Unpooled.buffer();
    assertThrows(IllegalStateException.class, () -> UpdateWriter.write(out, c, fb,
        PixelWriters.forFormat(PixelFormat.RGB888), new FrameSnapshot()));
  }

  @Test
  void pixelsComeFromASnapshotTakenBeforeEncoding() {
    ArrayFramebuffer fb = ArrayFramebuffer.distinct(W, H);
    int before = fb.at(1, 1);
    Encoder changesTheDesktop = new Encoder() {
      private final Encoder raw = new FallbackRawEncoder();

      @Override
      public void encode(EncodeRequest request, RfbOutput out) {
        fb.set(1, 1, before ^ 0xFFFFFF); // the desktop moves on while the update is encoded
        raw.encode(request, out);
      }
    };
    UpdateWriter.Content c = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, W, H)), new SessionEncoders.Choice(0, changesTheDesktop));
    byte[] bytes = write(c, fb, PixelWriters.forFormat(PixelFormat.RGB888));
    ViewerModel viewer = new ViewerModel(W, H, PixelFormat.RGB888, null);
    viewer.apply(Unpooled.wrappedBuffer(bytes));
    assertEquals(before, viewer.pixels[W + 1], "one consistent picture per update");
  }

  private static Set<Rect> rects(List<ViewerModel.Header> headers) {
    Set<Rect> s = new HashSet<>();
    for (ViewerModel.Header h : headers) {
      s.add(h.rect());
    }
    return s;
  }
}
