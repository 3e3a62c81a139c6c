package org.plugvnc.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.update.ClientSettings;
import org.plugvnc.engine.internal.update.EncodingSelector;
import org.plugvnc.engine.internal.update.FrameSnapshot;
import org.plugvnc.engine.internal.update.RectTally;
import org.plugvnc.engine.internal.update.SessionEncoders;
import org.plugvnc.engine.internal.update.UpdateWriter;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.Corpus;

/**
 * A full-frame update through everything the engine does for it, as TigerVNC's Xvnc figures
 * count "all server work": the copy out of the framebuffer, the selector (fills, cutting,
 * classification), every encoder it chooses and the update's framing, for viewers that prefer
 * different encodings. Mpixels/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Frame.PIXELS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EnginePathBenchmark {

  /** What each viewer lists, as SetEncodings would say it. */
  private static final Map<String, int[]> VIEWERS = Map.of(
      // TigerVNC's viewer with its defaults: Tight first, quality 8, compression 2.
      "TigerVNC", new int[] {7, 16, 5, 1, 0, Rfb.PSEUDO_JPEG_QUALITY_LEVEL_0 + 8,
          Rfb.PSEUDO_COMPRESS_LEVEL_0 + 2},
      "TightLossless", new int[] {7, 16, 5, 1, 0, Rfb.PSEUDO_COMPRESS_LEVEL_0 + 2},
      "ZRLE", new int[] {16, 1, 0, Rfb.PSEUDO_COMPRESS_LEVEL_0 + 2},
      "Hextile", new int[] {5, 1, 0},
      "Raw", new int[] {0, 1});

  @Param({"TigerVNC", "TightLossless", "ZRLE", "Hextile", "Raw"})
  public String viewer;

  @Param({"MIXED", "TEXT", "PHOTO"})
  public String scene;

  private ArrayFramebuffer framebuffer;
  private SessionEncoders encoders;
  private EncodingSelector selector;
  private final FrameSnapshot snapshot = new FrameSnapshot();
  private ClientSettings client;
  private PixelWriter writer;
  private UpdateWriter.Content content;
  private ByteBuf buffer;

  @Setup(Level.Trial)
  public void setUp() {
    framebuffer = Corpus.valueOf(scene).framebuffer(Frame.WIDTH, Frame.HEIGHT, 20261201L);
    Map<Integer, EncoderFactory> registry = new java.util.HashMap<>();
    for (String name : new String[] {"Raw", "RRE", "CoRRE", "Hextile", "Zlib", "ZRLE", "TRLE",
        "Tight", "TightPNG"}) {
      EncoderFactory f = Encoders.named(name).factory().get();
      registry.put(f.encoding(), f);
    }
    registry.put(Rfb.ENCODING_COPY_RECT,
        new org.plugvnc.encoders.internal.CopyRectEncoderFactory());
    Map<Integer, EncoderFactory> fixed = Map.copyOf(registry);
    encoders = new SessionEncoders(() -> fixed);
    selector = new EncodingSelector(encoders);
    client = new ClientSettings(VIEWERS.get(viewer));
    encoders.configure(client.encodingSettings());
    writer = PixelWriters.forFormat(PixelFormat.RGB888);
    content = new UpdateWriter.Content()
        .pixels(Region.of(new Rect(0, 0, Frame.WIDTH, Frame.HEIGHT)), Region.EMPTY);
    buffer = Unpooled.directBuffer(Frame.PIXELS * 5);
  }

  /** One full-frame update; returns its size. */
  @Benchmark
  public int fullFrameUpdate() {
    buffer.clear();
    UpdateWriter.write(buffer, content, framebuffer, writer, snapshot, selector, client,
        RectTally.NONE);
    snapshot.release();
    return buffer.writerIndex();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    encoders.close();
    buffer.release();
  }
}
