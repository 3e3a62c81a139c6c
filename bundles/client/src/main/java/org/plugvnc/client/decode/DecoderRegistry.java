package org.plugvnc.client.decode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;

/**
 * The decoders of one connection, keyed by encoding number. Make a fresh registry per connection
 * ({@link #standard()}), since decoders may keep per-connection state.
 */
public final class DecoderRegistry {

  private final Map<Integer, RectangleDecoder> decoders = new LinkedHashMap<>();

  /** @return an empty registry */
  public static DecoderRegistry empty() {
    return new DecoderRegistry();
  }

  /**
   * @return a registry with every encoding the server sends: Raw, CopyRect, RRE, CoRRE, Hextile,
   *         Zlib, Tight, TRLE, ZRLE, TightPNG, and the Cursor, DesktopSize and LastRect
   *         pseudo-encodings, each with fresh per-connection state
   */
  public static DecoderRegistry standard() {
    return new DecoderRegistry()
        .register(RfbNumbers.ENCODING_RAW, new RawDecoder())
        .register(RfbNumbers.ENCODING_COPY_RECT, new CopyRectDecoder())
        .register(RfbNumbers.ENCODING_RRE, new RreDecoder())
        .register(RfbNumbers.ENCODING_CORRE, new CoRreDecoder())
        .register(RfbNumbers.ENCODING_HEXTILE, new HextileDecoder())
        .register(RfbNumbers.ENCODING_ZLIB, new ZlibDecoder())
        .register(RfbNumbers.ENCODING_TIGHT, new TightDecoder())
        .register(RfbNumbers.ENCODING_TRLE, new TrleDecoder())
        .register(RfbNumbers.ENCODING_ZRLE, new ZrleDecoder())
        .register(RfbNumbers.ENCODING_TIGHT_PNG, new TightPngDecoder())
        .register(RfbNumbers.ENCODING_CURSOR, new CursorDecoder())
        .register(RfbNumbers.ENCODING_DESKTOP_SIZE, new DesktopSizeDecoder())
        .register(RfbNumbers.ENCODING_LAST_RECT, new LastRectDecoder());
  }

  /**
   * Adds or replaces the decoder of an encoding.
   *
   * @return this registry
   */
  public DecoderRegistry register(int encoding, RectangleDecoder decoder) {
    decoders.put(encoding, decoder);
    return this;
  }

  /** @return this registry, without the decoder of {@code encoding} */
  public DecoderRegistry remove(int encoding) {
    decoders.remove(encoding);
    return this;
  }

  /**
   * @return the decoder of {@code encoding}
   * @throws RfbProtocolException if none is registered: the server used an encoding this
   *         client cannot read, so it cannot find the next rectangle either
   */
  public RectangleDecoder get(int encoding) throws RfbProtocolException {
    RectangleDecoder d = decoders.get(encoding);
    if (d == null) {
      throw new RfbProtocolException("unknown encoding " + RfbNumbers.encodingName(encoding));
    }
    return d;
  }

  /** @return the registered encoding numbers in registration order */
  public int[] encodings() {
    return decoders.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Closes every decoder (releases zlib streams); the connection calls it when it closes. */
  public void close() {
    decoders.values().forEach(RectangleDecoder::close);
  }

  /** @return a read-only view of the map */
  public Map<Integer, RectangleDecoder> asMap() {
    return Collections.unmodifiableMap(decoders);
  }
}
