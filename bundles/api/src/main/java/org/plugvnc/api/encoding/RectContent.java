package org.plugvnc.api.encoding;

/**
 * What the engine's selector found in a rectangle, passed to the encoder it chose so the pixels are
 * not counted twice, and what it asks of the encoder.
 *
 * @param kind the rectangle's class
 * @param palette its distinct colours as 0x00RRGGBB, in order of first appearance (row by row),
 *     for {@link ContentClass#SOLID} (one), {@link ContentClass#BITMAP} (two) and
 *     {@link ContentClass#INDEXED}; empty for {@link ContentClass#FULL_COLOUR}. Not to be modified.
 * @param runs the number of runs of equal pixels, row by row, a run never continuing onto the next
 *     row; 0 if not counted
 * @param jpeg whether the encoder is asked to encode lossily (JPEG) at the session's quality. Set
 *     only for encoders whose factory is {@link EncoderFactory#lossy()}, which then must.
 */
public record RectContent(ContentClass kind, int[] palette, int runs, boolean jpeg) {

  /** The number of distinct colours, or {@code Integer.MAX_VALUE} for full colour. */
  public int colours() {
    return kind == ContentClass.FULL_COLOUR ? Integer.MAX_VALUE : palette.length;
  }
}
