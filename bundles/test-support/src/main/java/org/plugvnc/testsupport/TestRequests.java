package org.plugvnc.testsupport;

import java.util.LinkedHashSet;
import java.util.Set;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;

/** Builds encode requests over a whole picture, with or without a content analysis. */
public final class TestRequests {

  private TestRequests() {}

  /** A request for {@code rect} of a {@code width}-wide picture, with no analysis. */
  public static EncodeRequest plain(Rect rect, int[] picture, int width, PixelWriter writer) {
    return EncodeRequest.pixels(rect, picture, rect.y() * width + rect.x(), width, writer, null);
  }

  /**
   * A request for {@code rect} with the content the contract of {@link RectContent} describes,
   * counted here independently of the engine: classes by the number of distinct colours, with at
   * most {@code maxPalette} in a palette.
   */
  public static EncodeRequest analysed(Rect rect, int[] picture, int width, PixelWriter writer,
      int maxPalette, boolean jpeg) {
    Set<Integer> colours = new LinkedHashSet<>();
    int runs = 0;
    for (int y = rect.y(); y < rect.bottom(); y++) {
      for (int x = rect.x(); x < rect.right(); x++) {
        int c = picture[y * width + x];
        if (colours.size() <= maxPalette) {
          colours.add(c);
        }
        if (x == rect.x() || picture[y * width + x - 1] != c) {
          runs++;
        }
      }
    }
    ContentClass kind;
    int[] palette;
    if (colours.size() > maxPalette) {
      kind = ContentClass.FULL_COLOUR;
      palette = new int[0];
    } else {
      palette = colours.stream().mapToInt(Integer::intValue).toArray();
      kind = palette.length == 1 ? ContentClass.SOLID
          : palette.length == 2 ? ContentClass.BITMAP : ContentClass.INDEXED;
    }
    return EncodeRequest.pixels(rect, picture, rect.y() * width + rect.x(), width, writer,
        new RectContent(kind, palette, runs, jpeg));
  }
}
