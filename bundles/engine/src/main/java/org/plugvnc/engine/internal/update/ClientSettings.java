package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.Subsampling;
import org.plugvnc.api.protocol.Rfb;

/**
 * What a viewer's SetEncodings says: the real encodings in its order of preference, the
 * pseudo-encodings it understands, and its quality and compression levels. Immutable.
 */
public final class ClientSettings {

  /** The subsampling of each pseudo-encoding from -768 on, in TurboVNC's order. */
  private static final Subsampling[] SUBSAMPLING = {
    Subsampling.NONE, Subsampling.FOUR_X, Subsampling.TWO_X, Subsampling.GRAY,
    Subsampling.EIGHT_X, Subsampling.SIXTEEN_X
  };

  /** Before any SetEncodings: Raw only (RFC 6143 7.5.2). */
  public static final ClientSettings INITIAL = new ClientSettings(new int[0]);

  private final List<Integer> encodings;
  private final boolean cursor;
  private final boolean desktopSize;
  private final boolean lastRect;
  private final boolean pointerPos;
  private final EncodingSettings encodingSettings;

  /** Parses a SetEncodings list; of each kind of level, the first listed counts. */
  public ClientSettings(int[] list) {
    List<Integer> real = new ArrayList<>();
    boolean cur = false;
    boolean size = false;
    boolean last = false;
    boolean pointer = false;
    boolean noZlib = false;
    int quality = -1;
    int fine = -1;
    int compress = -1;
    Subsampling subsampling = null;
    for (int e : list) {
      if (e == Rfb.PSEUDO_CURSOR) {
        cur = true;
      } else if (e == Rfb.PSEUDO_DESKTOP_SIZE) {
        size = true;
      } else if (e == Rfb.PSEUDO_LAST_RECT) {
        last = true;
      } else if (e == Rfb.PSEUDO_POINTER_POS) {
        pointer = true;
      } else if (e == Rfb.PSEUDO_TIGHT_WITHOUT_ZLIB) {
        noZlib = true;
      } else if (e >= Rfb.PSEUDO_JPEG_QUALITY_LEVEL_0 && e <= Rfb.PSEUDO_JPEG_QUALITY_LEVEL_9) {
        quality = quality < 0 ? e - Rfb.PSEUDO_JPEG_QUALITY_LEVEL_0 : quality;
      } else if (e >= Rfb.PSEUDO_FINE_QUALITY_LEVEL_0 && e <= Rfb.PSEUDO_FINE_QUALITY_LEVEL_100) {
        fine = fine < 0 ? e - Rfb.PSEUDO_FINE_QUALITY_LEVEL_0 : fine;
      } else if (e >= Rfb.PSEUDO_SUBSAMP_1X && e <= Rfb.PSEUDO_SUBSAMP_16X) {
        subsampling = subsampling == null ? SUBSAMPLING[e - Rfb.PSEUDO_SUBSAMP_1X] : subsampling;
      } else if (e >= Rfb.PSEUDO_COMPRESS_LEVEL_0 && e <= Rfb.PSEUDO_COMPRESS_LEVEL_9) {
        compress = compress < 0 ? e - Rfb.PSEUDO_COMPRESS_LEVEL_0 : compress;
      } else if (e >= 0 || e == Rfb.ENCODING_TIGHT_PNG) {
        if (!real.contains(e)) {
          real.add(e);
        }
      }
    }
    this.encodings = Collections.unmodifiableList(real);
    this.cursor = cur;
    this.desktopSize = size;
    this.lastRect = last;
    this.pointerPos = pointer;
    this.encodingSettings = new EncodingSettings(quality, fine, subsampling, compress, noZlib);
  }

  /** Real encodings in the viewer's order of preference (Raw is implied, listed or not). */
  public List<Integer> encodings() {
    return encodings;
  }

  /** Whether the viewer listed {@code encoding}. */
  public boolean lists(int encoding) {
    return encodings.contains(encoding);
  }

  /** Whether the viewer understands the Cursor pseudo-encoding. */
  public boolean cursor() {
    return cursor;
  }

  /** Whether the viewer understands the DesktopSize pseudo-encoding. */
  public boolean desktopSize() {
    return desktopSize;
  }

  /** Whether the viewer takes PointerPos (rfbproto's Cursor Position pseudo-encoding, -232). */
  public boolean pointerPos() {
    return pointerPos;
  }

  /** Whether the viewer understands the LastRect pseudo-encoding. */
  public boolean lastRect() {
    return lastRect;
  }

  /** Quality and compression levels. */
  public EncodingSettings encodingSettings() {
    return encodingSettings;
  }
}
