package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;

/** Colours replaced by what a low-colour viewer sees, without changing a single pixel value. */
class ViewerColoursTest {

  @Test
  void theViewersPixelValuesStayTheSameAndTheColoursFewer() {
    int[] picture = Corpus.MIXED.pixels(160, 120, 3);
    for (PixelFormat format : Formats.ALL) {
      PixelWriter writer = PixelWriters.forFormat(format);
      var colours = ViewerColours.of(writer);
      boolean lowColour = !format.trueColour() || format.redMax() < 255;
      assertEquals(lowColour, colours.isPresent(), format.toString());
      if (colours.isEmpty()) {
        continue;
      }
      int[] seen = picture.clone();
      colours.get().apply(seen, 0, seen.length);
      Set<Integer> values = new HashSet<>();
      Set<Integer> seenColours = new HashSet<>();
      for (int i = 0; i < picture.length; i++) {
        assertEquals(writer.pixelValue(picture[i]), writer.pixelValue(seen[i]),
            format + String.format(": %06X became %06X", picture[i], seen[i]));
        values.add(writer.pixelValue(picture[i]));
        seenColours.add(seen[i]);
      }
      assertEquals(values.size(), seenColours.size(), "one colour per pixel value: " + format);
    }
  }

  @Test
  void everyValueOfA565ChannelComesBack() {
    PixelWriter writer = PixelWriters.forFormat(Formats.RGB565_LE);
    ViewerColours colours = ViewerColours.of(writer).orElseThrow();
    for (int v = 0; v < 1 << 16; v++) {
      assertEquals(v, writer.pixelValue(colours.seen(v)), Integer.toHexString(v));
    }
  }

  @Test
  void fullAndWiderChannelsAreLeftAlone() {
    assertFalse(ViewerColours.of(PixelWriters.forFormat(PixelFormat.RGB888)).isPresent());
    PixelFormat tenBit = new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0);
    assertFalse(ViewerColours.of(PixelWriters.forFormat(tenBit)).isPresent());
    PixelFormat mixed = new PixelFormat(32, 24, false, true, 1023, 255, 63, 16, 6, 0);
    assertFalse(ViewerColours.of(PixelWriters.forFormat(mixed)).isPresent());
    assertTrue(ViewerColours.of(PixelWriters.forFormat(Formats.BGR233)).isPresent());
  }
}
