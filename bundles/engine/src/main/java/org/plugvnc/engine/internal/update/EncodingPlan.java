package org.plugvnc.engine.internal.update;

import static org.plugvnc.api.protocol.Rfb.ENCODING_CORRE;
import static org.plugvnc.api.protocol.Rfb.ENCODING_HEXTILE;
import static org.plugvnc.api.protocol.Rfb.ENCODING_RAW;
import static org.plugvnc.api.protocol.Rfb.ENCODING_RRE;
import static org.plugvnc.api.protocol.Rfb.ENCODING_TIGHT;
import static org.plugvnc.api.protocol.Rfb.ENCODING_TIGHT_PNG;
import static org.plugvnc.api.protocol.Rfb.ENCODING_TRLE;
import static org.plugvnc.api.protocol.Rfb.ENCODING_ZLIB;
import static org.plugvnc.api.protocol.Rfb.ENCODING_ZRLE;

import java.util.Map;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Which encoding each class of content goes out in, for one viewer: the rules of plugvnc's
 * encoder choice, in the spirit of TigerVNC's EncodeManager. Made by {@link EncodingSelector}
 * whenever the viewer's encodings, its pixel format or the registered encoders change; immutable.
 *
 * <p>The classes: solid, bitmap (two colours), indexed (a palette) and full colour, the first
 * three each with and without long runs ("RLE"): RRE and Hextile are good at long runs and bad at
 * anything busy, palettes and zlib at the rest.
 *
 * @param solid encoding of single-colour rectangles (the fills the selector finds)
 * @param bitmap two colours, short runs
 * @param bitmapRle two colours, long runs
 * @param indexed few colours, short runs
 * @param indexedRle few colours, long runs
 * @param fullColour more colours than a palette takes
 * @param jpeg whether full-colour rectangles go out as JPEG
 * @param maxColours the most colours the indexed classes hold
 * @param analyse whether rectangles are classified at all (no need when one encoding that does not
 *     use the findings takes every class)
 * @param findFills whether large single-colour areas are searched for
 */
record EncodingPlan(int solid, int bitmap, int bitmapRle, int indexed, int indexedRle,
    int fullColour, boolean jpeg, int maxColours, boolean analyse, boolean findFills) {

  /** Unassigned. */
  private static final int NONE = Integer.MIN_VALUE;

  /**
   * Average run length (pixels) from which a rectangle counts as having long runs: RRE and Hextile
   * spend a subrectangle (6 to 12 bytes) per run, a palette a bit or a byte per pixel.
   */
  static final int RLE_RUN = 12;

  /** The encoding for a rectangle of class {@code kind} with {@code runs} runs over {@code area}. */
  int encodingFor(ContentClass kind, int runs, long area) {
    boolean rle = runs > 0 && (long) runs * RLE_RUN <= area;
    return switch (kind) {
      case SOLID -> solid;
      case BITMAP -> rle ? bitmapRle : bitmap;
      case INDEXED -> rle ? indexedRle : indexed;
      case FULL_COLOUR -> fullColour;
    };
  }

  /**
   * The plan for a viewer that listed {@code listed} (real encodings in its order), with
   * {@code settings}, in {@code format}, given the encoders this session can use.
   */
  static EncodingPlan of(java.util.List<Integer> listed, EncodingSettings settings,
      PixelFormat format, Map<Integer, EncoderFactory> usable) {
    Slots s = new Slots(listed, usable);
    int preferred = s.preferred();
    // The viewer asked for Raw before anything else (a fast link, a weak client, or one that
    // mishandles others: vncsnapshot, listing Raw first, hangs when sent Tight): Raw, fills too.
    if (preferred == ENCODING_RAW) {
      return new EncodingPlan(ENCODING_RAW, ENCODING_RAW, ENCODING_RAW, ENCODING_RAW, ENCODING_RAW,
          ENCODING_RAW, false, 2, false, false);
    }
    // JPEG needs a true-colour format deep enough to show it (TigerVNC: 16 bpp or more) and a viewer
    // that listed a quality, which is how a viewer says it accepts lossy pictures.
    boolean jpegAllowed = settings.jpegAllowed() && format.trueColour() && format.bitsPerPixel() >= 16;
    switch (preferred) {
      case ENCODING_RRE, ENCODING_CORRE ->
        // Horrible for busy content: only what has long runs, and fills.
        s.solid = s.bitmapRle = s.indexedRle = preferred;
      case ENCODING_HEXTILE ->
        // A little better: long runs and, as its raw tiles are no worse than Raw, full colour.
        s.bitmapRle = s.indexedRle = s.fullColour = preferred;
      case ENCODING_TIGHT, ENCODING_TIGHT_PNG ->
        // Tight has a subencoding for every class, JPEG included.
        s.solid = s.bitmap = s.bitmapRle = s.indexed = s.indexedRle = s.fullColour = preferred;
      case ENCODING_ZRLE, ENCODING_TRLE, ENCODING_ZLIB ->
        // Good at everything but fills, which Tight and RRE send in a dozen bytes.
        s.bitmap = s.bitmapRle = s.indexed = s.indexedRle = s.fullColour = preferred;
      default ->
        // An encoding this table does not know: the viewer prefers it, so it gets everything.
        s.solid = s.bitmap = s.bitmapRle = s.indexed = s.indexedRle = s.fullColour = preferred;
    }
    // What the preferred encoding left open goes to the best other listed one.
    if (s.fullColour == NONE) {
      // JPEG (through Tight) wins by far on photographs; then zlib with a palette per tile.
      s.fullColour = jpegAllowed && s.lossy(ENCODING_TIGHT) ? ENCODING_TIGHT
          : s.first(ENCODING_ZRLE, ENCODING_TIGHT, ENCODING_TIGHT_PNG, ENCODING_TRLE,
              ENCODING_HEXTILE, ENCODING_ZLIB);
    }
    if (s.indexed == NONE) {
      s.indexed = s.first(ENCODING_ZRLE, ENCODING_TIGHT, ENCODING_TIGHT_PNG, ENCODING_TRLE,
          ENCODING_HEXTILE, ENCODING_ZLIB);
    }
    s.indexedRle = s.indexedRle == NONE ? s.indexed : s.indexedRle;
    s.bitmap = s.bitmap == NONE ? s.indexed : s.bitmap;
    s.bitmapRle = s.bitmapRle == NONE ? s.bitmap : s.bitmapRle;
    if (s.solid == NONE) {
      // Tight's fill and RRE's background are one pixel value each; ZRLE and Hextile spend a
      // little per tile.
      s.solid = s.first(ENCODING_TIGHT, ENCODING_TIGHT_PNG, ENCODING_RRE, ENCODING_ZRLE,
          ENCODING_TRLE, ENCODING_HEXTILE, ENCODING_CORRE);
      s.solid = s.solid == ENCODING_RAW ? s.bitmap : s.solid;
    }
    boolean jpeg = jpegAllowed && s.lossy(s.fullColour);
    // JPEG is asked for per rectangle, and only classification says which are full colour: so
    // with JPEG on, rectangles are always classified (and what went lossy is known, to refresh it).
    return new EncodingPlan(s.solid, s.bitmap, s.bitmapRle, s.indexed, s.indexedRle, s.fullColour,
        jpeg, maxColours(jpeg, settings, s.indexed), s.analyse() || jpeg, fills(s.solid));
  }

  /** Searching for fills pays only where the solid encoding sends a fill cheaply. */
  private static boolean fills(int solid) {
    return solid == ENCODING_TIGHT || solid == ENCODING_TIGHT_PNG || solid == ENCODING_RRE
        || solid == ENCODING_CORRE || solid == ENCODING_HEXTILE || solid == ENCODING_ZRLE
        || solid == ENCODING_TRLE;
  }

  /**
   * How many colours still make a palette. With JPEG for full colour, TigerVNC's limits: past 96
   * colours (24 at the lowest compression levels) JPEG is smaller and faster than a palette. Tight
   * takes up to 256; ZRLE and TRLE tiles up to 127, and they choose per tile anyway.
   */
  private static int maxColours(boolean jpeg, EncodingSettings settings, int indexed) {
    if (jpeg) {
      return settings.compressLevel() >= 0 && settings.compressLevel() < 2 ? 24 : 96;
    }
    return indexed == ENCODING_TIGHT || indexed == ENCODING_TIGHT_PNG ? RectAnalysis.MAX_COLOURS : 127;
  }

  /** The slots being filled, and what the viewer and the registry allow. */
  private static final class Slots {
    final java.util.List<Integer> listed;
    final Map<Integer, EncoderFactory> usable;
    int solid = NONE;
    int bitmap = NONE;
    int bitmapRle = NONE;
    int indexed = NONE;
    int indexedRle = NONE;
    int fullColour = NONE;

    Slots(java.util.List<Integer> listed, Map<Integer, EncoderFactory> usable) {
      this.listed = listed;
      this.usable = usable;
    }

    boolean ok(int encoding) {
      EncoderFactory f = usable.get(encoding);
      return f != null && !f.encodesCopies() && listed.contains(encoding);
    }

    boolean lossy(int encoding) {
      return ok(encoding) && usable.get(encoding).lossy();
    }

    /**
     * The first encoding in the viewer's list this session can encode; Raw if Raw comes first or
     * nothing else can be encoded. Listed order is the viewer's preference (RFC 6143 7.5.2).
     */
    int preferred() {
      for (int e : listed) {
        if (e == ENCODING_RAW || ok(e)) {
          return e;
        }
      }
      return ENCODING_RAW;
    }

    /** The first of {@code candidates} that is usable, else Raw, which every viewer takes. */
    int first(int... candidates) {
      for (int e : candidates) {
        if (ok(e)) {
          return e;
        }
      }
      return ENCODING_RAW;
    }

    /** Classification matters when classes go different ways or Tight takes its findings. */
    boolean analyse() {
      boolean oneWay = solid == bitmap && bitmap == bitmapRle && bitmapRle == indexed
          && indexed == indexedRle && indexedRle == fullColour;
      boolean usesFindings = java.util.stream.IntStream.of(solid, bitmap, indexed, fullColour)
          .anyMatch(e -> e == ENCODING_TIGHT || e == ENCODING_TIGHT_PNG);
      return !oneWay || usesFindings;
    }
  }
}
