package org.plugvnc.engine.internal.update;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.protocol.Rfb;

/**
 * The encoders of one session, made on first use from the registry's current factories and kept
 * until their factory goes away, the session ends, or a newer factory replaces theirs; and the
 * session's zlib streams per encoding, which outlive the encoders. I/O thread only.
 *
 * <p>What a replaced encoder leaves behind follows its factory's {@link Continuity}: nothing
 * (stateless), a viewer the next encoder restarts (Tight's reset bits), streams the next encoder
 * continues (Zlib, ZRLE), or an encoding this session may not use again (private state).
 */
public final class SessionEncoders {

  private final Supplier<Map<Integer, EncoderFactory>> registry;
  private final Map<EncoderFactory, Encoder> made = new IdentityHashMap<>();
  private final Map<Integer, EncodingStreams> streams = new HashMap<>();
  /**
   * Encodings this session may not use again: an encoder with private state the viewer follows
   * was closed, and a new one would start a stream the viewer's inflater cannot follow.
   */
  private final Set<Integer> retired = new HashSet<>();
  private final Encoder fallbackRaw = new FallbackRawEncoder();
  private EncodingSettings settings = EncodingSettings.DEFAULT;
  private Map<Integer, EncoderFactory> seen = Map.of();
  private Map<Integer, EncoderFactory> usable = Map.of();

  /** Encoders made from the factories {@code registry} supplies (the registered ones, as of now). */
  public SessionEncoders(Supplier<Map<Integer, EncoderFactory>> registry) {
    this.registry = registry;
  }

  /**
   * A chosen encoder with the encoding number it writes and the factory that made it (null for the
   * engine's own Raw).
   */
  public record Choice(int encoding, EncoderFactory factory, Encoder encoder) {

    /** Whether the encoder encodes JPEG when asked to. */
    public boolean lossy() {
      return factory != null && factory.lossy();
    }
  }

  /**
   * The factories this session may use now, by encoding: registered and not retired. Closes the
   * encoders of factories that have gone. The same map instance is returned until that set
   * changes, so a caller may cache what it derives from it.
   */
  public Map<Integer, EncoderFactory> usable() {
    Map<Integer, EncoderFactory> now = registry.get();
    if (now != seen) {
      dropStale(now);
      Map<Integer, EncoderFactory> next = new HashMap<>(now);
      next.keySet().removeAll(retired);
      seen = now;
      usable = Map.copyOf(next);
    }
    return usable;
  }

  /**
   * The encoder for {@code encoding}, which must be in {@link #usable()} (or be Raw, which the
   * engine itself can always write).
   */
  public Choice choice(int encoding) {
    EncoderFactory f = usable.get(encoding);
    if (f == null) {
      if (encoding != Rfb.ENCODING_RAW) {
        throw new IllegalArgumentException(Rfb.encodingName(encoding) + " is not usable");
      }
      return new Choice(Rfb.ENCODING_RAW, null, fallbackRaw);
    }
    return new Choice(encoding, f, encoder(f));
  }

  /** Passes new quality and compression levels to every encoder made so far and later. */
  public void configure(EncodingSettings next) {
    this.settings = next;
    made.values().forEach(e -> e.configure(next));
  }

  /** Closes every encoder and ends the session's zlib streams. */
  public void close() {
    made.values().forEach(Encoder::close);
    made.clear();
    streams.values().forEach(EncodingStreams::end);
    streams.clear();
  }

  private Encoder encoder(EncoderFactory f) {
    Encoder e = made.get(f);
    if (e == null) {
      e = f.create(streams.computeIfAbsent(f.encoding(), k -> new EncodingStreams()));
      e.configure(settings);
      made.put(f, e);
    }
    return e;
  }

  private void dropStale(Map<Integer, EncoderFactory> now) {
    for (Iterator<Map.Entry<EncoderFactory, Encoder>> it = made.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<EncoderFactory, Encoder> m = it.next();
      EncoderFactory factory = m.getKey();
      if (now.get(factory.encoding()) != factory) {
        m.getValue().close();
        it.remove();
        if (factory.continuity() == Continuity.ENDS) {
          retired.add(factory.encoding());
          EncodingStreams s = streams.remove(factory.encoding());
          if (s != null) {
            s.end();
          }
        }
      }
    }
  }
}
