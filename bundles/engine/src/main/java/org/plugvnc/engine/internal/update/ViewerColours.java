package org.plugvnc.engine.internal.update;

import java.util.Optional;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.pixel.PixelWriters;

/**
 * Replaces each captured colour by the colour a viewer in a low-colour format will see (its pixel
 * value decoded back to 0x00RRGGBB), before the selector looks at it. In a format with fewer than
 * 8 bits a channel, or a colour map, many desktop colours become one pixel value: a gradient is a
 * few flat bands to such a viewer. Classified in the viewer's colours, those bands are fills and
 * palettes (RRE, Hextile and ZRLE's best cases) instead of "full colour", as in TigerVNC, which
 * analyses in the viewer's pixel format. The pixel values written do not change, since each
 * replacement maps to the value its original did. I/O thread only.
 */
final class ViewerColours {

  private final PixelWriter writer;
  private final int[] map;
  private final PixelFormat f;

  private ViewerColours(PixelWriter writer, int[] map) {
    this.writer = writer;
    this.map = map;
    this.f = writer.format();
  }

  /**
   * The mapping for {@code writer}'s format; empty when every channel keeps 8 bits (nothing to
   * gain) or one has more (a colour could not carry its value back).
   */
  static Optional<ViewerColours> of(PixelWriter writer) {
    PixelFormat f = writer.format();
    if (!f.trueColour()) {
      return PixelWriters.colourMap(writer).map(m -> new ViewerColours(writer, m));
    }
    int widest = Math.max(f.redMax(), Math.max(f.greenMax(), f.blueMax()));
    int narrowest = Math.min(f.redMax(), Math.min(f.greenMax(), f.blueMax()));
    return widest > 255 || narrowest == 255 ? Optional.empty()
        : Optional.of(new ViewerColours(writer, null));
  }

  /** Replaces {@code px[from]} to {@code px[from + count - 1]} by the colours the viewer sees. */
  void apply(int[] px, int from, int count) {
    int lastIn = ~px[from];
    int lastOut = 0;
    for (int i = from, end = from + count; i < end; i++) {
      int c = px[i];
      if (c != lastIn) {
        lastIn = c;
        lastOut = seen(writer.pixelValue(c));
      }
      px[i] = lastOut;
    }
  }

  /** The colour of pixel value {@code v}. */
  int seen(int v) {
    if (map != null) {
      return v >= 0 && v < map.length ? map[v] : 0;
    }
    return expand(v >>> f.redShift() & f.redMax(), f.redMax()) << 16
        | expand(v >>> f.greenShift() & f.greenMax(), f.greenMax()) << 8
        | expand(v >>> f.blueShift() & f.blueMax(), f.blueMax());
  }

  /** {@code value} of {@code 0..max} (at most 255) to 8 bits, rounded to the nearest. */
  private static int expand(int value, int max) {
    return (value * 255 + max / 2) / max;
  }
}
