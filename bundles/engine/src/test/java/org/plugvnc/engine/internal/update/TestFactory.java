package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * An encoder factory for the engine's tests, configured like a real one (encoding number, copies,
 * continuity, lossy, limits), whose encoders record what happens to them and write a Raw payload
 * under their own encoding number (or CopyRect's source position, for a copy factory), so a
 * {@link ViewerModel} told about the number decodes the pixels exactly.
 */
final class TestFactory implements EncoderFactory {

  /** One encode call as the encoder saw it. */
  record Seen(EncodeRequest request, TestEncoder encoder) {}

  private final int encoding;
  private boolean copies;
  private Continuity continuity = Continuity.STATELESS;
  private boolean lossy;
  private int maxWidth = 65535;
  private int maxHeight = 65535;
  private int maxArea = Integer.MAX_VALUE;
  /** What happened, in order: "create", "configure q/f/c", "close". */
  final List<String> events = new ArrayList<>();
  /** The contexts given to {@link #create}, in order. */
  final List<EncoderContext> contexts = new ArrayList<>();
  /** The encoders made, in order. */
  final List<TestEncoder> made = new ArrayList<>();
  /** Every request encoded by any of this factory's encoders. */
  final List<Seen> seen = new ArrayList<>();

  private TestFactory(int encoding) {
    this.encoding = encoding;
  }

  /** A stateless pixel encoder for {@code encoding}, with no limits and not lossy. */
  static TestFactory of(int encoding) {
    return new TestFactory(encoding);
  }

  TestFactory forCopies() {
    this.copies = true;
    return this;
  }

  TestFactory continuity(Continuity c) {
    this.continuity = c;
    return this;
  }

  TestFactory asLossy() {
    this.lossy = true;
    return this;
  }

  TestFactory limits(int width, int height, int area) {
    this.maxWidth = width;
    this.maxHeight = height;
    this.maxArea = area;
    return this;
  }

  @Override
  public int encoding() {
    return encoding;
  }

  @Override
  public boolean encodesCopies() {
    return copies;
  }

  @Override
  public Continuity continuity() {
    return continuity;
  }

  @Override
  public boolean lossy() {
    return lossy;
  }

  @Override
  public int maxWidth() {
    return maxWidth;
  }

  @Override
  public int maxHeight() {
    return maxHeight;
  }

  @Override
  public int maxArea() {
    return maxArea;
  }

  @Override
  public Encoder create(EncoderContext context) {
    events.add("create");
    contexts.add(context);
    TestEncoder e = new TestEncoder(context);
    made.add(e);
    return e;
  }

  @Override
  public String toString() {
    return "TestFactory(" + encoding + ")";
  }

  /** The encoder: records, checks its limits, and writes Raw pixels or a copy's source. */
  final class TestEncoder implements Encoder {
    final EncoderContext context;
    boolean closed;
    EncodingSettings settings;

    TestEncoder(EncoderContext context) {
      this.context = context;
    }

    @Override
    public void encode(EncodeRequest request, RfbOutput out) {
      if (closed) {
        throw new AssertionError("encode after close");
      }
      if (request.rect().width() > maxWidth || request.rect().height() > maxHeight
          || request.rect().area() > maxArea) {
        throw new AssertionError(request.rect() + " exceeds the limits of " + TestFactory.this);
      }
      seen.add(new Seen(request, this));
      if (copies) {
        out.writeU16(request.copySource().x());
        out.writeU16(request.copySource().y());
        return;
      }
      for (int y = request.rect().y(); y < request.rect().bottom(); y++) {
        request.writer().writePixels(request.pixels(), request.rowStart(y), request.rect().width(),
            out);
      }
    }

    @Override
    public void configure(EncodingSettings s) {
      settings = s;
      events.add("configure " + s.qualityLevel() + "/" + s.fineQuality() + "/" + s.compressLevel());
    }

    @Override
    public void close() {
      closed = true;
      events.add("close");
    }
  }

  /**
   * A registry as the engine keeps one: an immutable snapshot, replaced (never changed) on every
   * registration, so that the same map is returned until something changes.
   */
  static final class Registry implements Supplier<Map<Integer, EncoderFactory>> {
    private Map<Integer, EncoderFactory> snapshot = Map.of();

    /** Registers {@code factories}, each replacing any with its encoding number; returns this. */
    Registry put(EncoderFactory... factories) {
      Map<Integer, EncoderFactory> next = new HashMap<>(snapshot);
      for (EncoderFactory f : factories) {
        next.put(f.encoding(), f);
      }
      snapshot = Map.copyOf(next);
      return this;
    }

    /** Unregisters the factory for {@code encoding}. */
    Registry remove(int encoding) {
      Map<Integer, EncoderFactory> next = new HashMap<>(snapshot);
      next.remove(encoding);
      snapshot = Map.copyOf(next);
      return this;
    }

    @Override
    public Map<Integer, EncoderFactory> get() {
      return snapshot;
    }
  }
}
