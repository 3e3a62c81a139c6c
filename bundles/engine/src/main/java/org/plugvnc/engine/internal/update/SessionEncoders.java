package org.plugvnc.engine.internal.update;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.protocol.Rfb;

/**
 * The encoders of one session, made on first use from the registry's current factories and kept
 * (they hold per-connection state such as zlib streams) until their factory goes away, the
 * session ends, or a newer factory replaces theirs. Session I/O thread only.
 */
public final class SessionEncoders {

  private final Supplier<Map<Integer, EncoderFactory>> registry;
  private final Map<EncoderFactory, Encoder> made = new IdentityHashMap<>();
  /**
   * Encodings this session may not use again: a stateful encoder (zlib streams that live as long as
   * the connection, RFC 6143 7.7.6) was closed, and a new one would start a stream the viewer's
   * inflater cannot follow. The session falls back to the next encoding the viewer lists.
   */
  private final Set<Integer> retired = new HashSet<>();
  private final Encoder fallbackRaw = new FallbackRawEncoder();
  private EncodingSettings settings = EncodingSettings.DEFAULT;

  /** Encoders made from the factories {@code registry} supplies (the registered ones, as of now). */
  public SessionEncoders(Supplier<Map<Integer, EncoderFactory>> registry) {
    this.registry = registry;
  }

  /** A chosen encoder with the encoding number it writes. */
  public record Choice(int encoding, Encoder encoder) {}

  /**
   * The encoder for pixel rectangles: the first encoding in the viewer's list that a registered
   * factory serves. Following the viewer's order is what the spec suggests and what fragile viewers
   * rely on (vncsnapshot hangs when sent Tight after listing Raw first). Raw, which every viewer
   * must accept, is the fallback: the engine's own if no Raw factory is registered, so a session
   * survives the encoders bundle being stopped.
   */
  public Choice pixelEncoder(ClientSettings client) {
    Map<Integer, EncoderFactory> factories = dropStale();
    for (int e : client.encodings()) {
      if (e == Rfb.ENCODING_RAW) {
        break;
      }
      EncoderFactory f = factories.get(e);
      if (f != null && !f.encodesCopies() && !retired.contains(e)) {
        return new Choice(e, encoder(f));
      }
    }
    EncoderFactory raw = factories.get(Rfb.ENCODING_RAW);
    return new Choice(Rfb.ENCODING_RAW, raw != null ? encoder(raw) : fallbackRaw);
  }

  /** The CopyRect encoder, or null when the viewer did not list it or none is registered. */
  public Choice copyEncoder(ClientSettings client) {
    if (!client.lists(Rfb.ENCODING_COPY_RECT)) {
      return null;
    }
    EncoderFactory f = dropStale().get(Rfb.ENCODING_COPY_RECT);
    return f != null && f.encodesCopies() ? new Choice(Rfb.ENCODING_COPY_RECT, encoder(f)) : null;
  }

  /** Passes new quality and compression levels to every encoder made so far and later. */
  public void configure(EncodingSettings next) {
    this.settings = next;
    made.values().forEach(e -> e.configure(next));
  }

  /** Closes every encoder. */
  public void close() {
    made.values().forEach(Encoder::close);
    made.clear();
  }

  private Encoder encoder(EncoderFactory f) {
    return made.computeIfAbsent(f, k -> {
      Encoder e = k.create();
      e.configure(settings);
      return e;
    });
  }

  private Map<Integer, EncoderFactory> dropStale() {
    Map<Integer, EncoderFactory> now = registry.get();
    for (Iterator<Map.Entry<EncoderFactory, Encoder>> it = made.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<EncoderFactory, Encoder> m = it.next();
      EncoderFactory factory = m.getKey();
      if (now.get(factory.encoding()) != factory) {
        m.getValue().close();
        it.remove();
        if (!factory.stateless()) {
          retired.add(factory.encoding());
        }
      }
    }
    return now;
  }
}
