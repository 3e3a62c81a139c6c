package org.plugvnc.engine.internal.pixel;

import java.util.Optional;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;

/** Makes the {@link PixelWriter} for a viewer's pixel format. */
public final class PixelWriters {

  private PixelWriters() {}

  /**
   * The writer for {@code format}, which must be valid.
   *
   * @throws IllegalArgumentException if the format is invalid
   */
  public static PixelWriter forFormat(PixelFormat format) {
    format.problem().ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return format.trueColour() ? new TrueColourPixelWriter(format) : new ColourMapPixelWriter(format);
  }

  /** The colour map to send for a writer in a colour-map format; empty for true colour. */
  public static Optional<int[]> colourMap(PixelWriter writer) {
    return writer instanceof ColourMapPixelWriter cm ? Optional.of(cm.colourMap()) : Optional.empty();
  }
}
