package org.plugvnc.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.TestRequests;

/** The benchmark picture: one corpus scene at 1920 x 1080, and how the engine cuts it. */
public final class Frame {

  /** The benchmark's frame size. */
  public static final int WIDTH = 1920;
  public static final int HEIGHT = 1080;
  /** Pixels per frame: JMH counts each as one operation, so ops/us read as Mpixels/s. */
  public static final int PIXELS = WIDTH * HEIGHT;
  /** The engine's cut before classification (EncodingSelector): 2048 wide, 65536 pixels. */
  static final int PIECE_WIDTH = 2048;
  static final int PIECE_AREA = 65536;

  private Frame() {}

  /** The scene's pixels, 0x00RRGGBB, row by row; always the same for one scene. */
  public static int[] pixels(Corpus scene) {
    return scene.pixels(WIDTH, HEIGHT, 20261201L);
  }

  /**
   * A request for {@code r} with what the engine's selector would find: the class by colour count
   * (at most {@code maxPalette} in a palette), and JPEG asked for full-colour pieces only.
   */
  static EncodeRequest analysed(Rect r, int[] picture, PixelWriter writer, int maxPalette,
      boolean jpeg) {
    EncodeRequest q = TestRequests.analysed(r, picture, WIDTH, writer, maxPalette, jpeg);
    RectContent c = q.content();
    if (c.jpeg() && c.kind() != ContentClass.FULL_COLOUR) {
      c = new RectContent(c.kind(), c.palette(), c.runs(), false);
    }
    return EncodeRequest.pixels(r, picture, q.offset(), q.stride(), writer, c);
  }

  /** The frame cut as the engine cuts it for {@code factory}: its limits and the selector's. */
  static List<Rect> pieces(EncoderFactory factory) {
    int w = Math.min(Math.min(PIECE_WIDTH, factory.maxWidth()), WIDTH);
    int h = Math.min(factory.maxHeight(), Math.max(1, Math.min(PIECE_AREA, factory.maxArea()) / w));
    List<Rect> out = new ArrayList<>();
    for (int y = 0; y < HEIGHT; y += h) {
      for (int x = 0; x < WIDTH; x += w) {
        out.add(Rect.ofCorners(x, y, Math.min(x + w, WIDTH), Math.min(y + h, HEIGHT)));
      }
    }
    return out;
  }
}
