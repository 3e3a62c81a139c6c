package org.plugvnc.encoders.tight.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;

/**
 * Decides how a rectangle goes out, and loads its palette for fills and palettes. This is the one
 * place of that decision in the Tight encoders.
 *
 * <p>With the selector's {@link RectContent}, its class is followed: SOLID is a fill, BITMAP the
 * two-colour palette, INDEXED the palette, FULL_COLOUR the copy or gradient filter; a rectangle it
 * asks to be lossy ({@link RectContent#jpeg()}) and that is not solid goes out as JPEG. Without
 * one, the encoder counts the colours itself, up to 256, and takes a palette only where it is
 * smaller than the pixels themselves (never for 1-byte pixels, whose indexes are no smaller); it
 * never goes lossy unasked: the engine decides what is sent as JPEG, because it must know which
 * areas to refresh losslessly later.
 *
 * <p>rfbproto allows JPEG only where "bits-per-pixel is either 16 or 32 and the client has
 * advertized a quality level": elsewhere a rectangle asked to be lossy goes out losslessly.
 */
final class SubencodingChoice {

  private final Palette palette;

  SubencodingChoice(Palette palette) {
    this.palette = palette;
  }

  /**
   * How {@code request} goes out; leaves {@link #palette} holding its colours for FILL, MONO and
   * INDEXED.
   *
   * @param preferPalette whether any palette beats the pixels (TightPNG's indexed PNGs), rather
   *     than only a smaller one
   */
  Subencoding choose(EncodeRequest request, TightPixels pixels, TightSettings settings,
      boolean preferPalette) {
    boolean jpegOk = settings.jpegAllowed() && pixels.hasComponents();
    RectContent content = request.content();
    if (content != null && (content.kind() == ContentClass.FULL_COLOUR
        || content.palette().length <= Palette.MAX_COLOURS)) {
      return fromContent(content, jpegOk);
    }
    int limit = Palette.MAX_COLOURS;
    int colours = palette.collect(request, limit);
    if (colours == 1) {
      return Subencoding.FILL;
    }
    if (colours <= limit) {
      boolean worthIt = preferPalette || paletteIsSmaller(request.rect(), colours, pixels.size());
      return !worthIt ? Subencoding.FULL_COLOUR
          : colours == 2 ? Subencoding.MONO : Subencoding.INDEXED;
    }
    return Subencoding.FULL_COLOUR;
  }

  private Subencoding fromContent(RectContent content, boolean jpegOk) {
    if (content.kind() == ContentClass.SOLID) {
      palette.load(content.palette());
      return Subencoding.FILL;
    }
    if (content.jpeg() && jpegOk) {
      return Subencoding.JPEG;
    }
    if (content.kind() == ContentClass.FULL_COLOUR) {
      return Subencoding.FULL_COLOUR;
    }
    // BITMAP and INDEXED: the palette's length decides between the 1-bit and 8-bit forms.
    palette.load(content.palette());
    return palette.size() == 1 ? Subencoding.FILL
        : palette.size() == 2 ? Subencoding.MONO : Subencoding.INDEXED;
  }

  /** Whether the palette filter's palette and data take fewer bytes than the TPIXELs. */
  private static boolean paletteIsSmaller(Rect rect, int colours, int pixelBytes) {
    long area = (long) rect.width() * rect.height();
    long data = colours == 2 ? (long) (rect.width() + 7) / 8 * rect.height() : area;
    return 2 + (long) colours * pixelBytes + data < area * pixelBytes;
  }
}
