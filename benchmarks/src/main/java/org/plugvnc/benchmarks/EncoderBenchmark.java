package org.plugvnc.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
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
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.engine.internal.pixel.PixelWriters;
import org.plugvnc.engine.internal.update.ByteBufRfbOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * One encoder alone over a 1920 x 1080 frame at 32 bpp, in the pieces the engine would give it:
 * Mpixels/s on one core (one thread; ops/us = Mpixels/s). The classification Tight takes from the
 * engine's selector is made in the setup, outside the measure; {@link EnginePathBenchmark}
 * measures the whole path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Frame.PIXELS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EncoderBenchmark {

  @Param({"Raw", "RRE", "CoRRE", "Hextile", "Zlib", "ZRLE", "TRLE", "Tight", "TightJPEG-turbo",
      "TightJPEG-ImageIO", "TightPNG"})
  public String encoder;

  @Param({"MIXED", "TEXT", "FLAT_UI", "PHOTO", "GRADIENT", "NOISE", "SOLID"})
  public String scene;

  private Encoder subject;
  private TestEncoderContext context;
  private final List<EncodeRequest> requests = new ArrayList<>();
  private ByteBuf buffer;
  private ByteBufRfbOutput out;

  @Setup(Level.Trial)
  public void setUp() {
    Encoders.Subject s = Encoders.named(encoder);
    EncoderFactory factory = s.factory().get();
    context = new TestEncoderContext();
    subject = factory.create(context);
    subject.configure(s.settings());
    PixelWriter writer = PixelWriters.forFormat(PixelFormat.RGB888);
    int[] picture = Frame.pixels(Corpus.valueOf(scene));
    boolean analysed = factory.lossy(); // Tight and TightPNG take the selector's findings
    for (Rect r : Frame.pieces(factory)) {
      requests.add(analysed
          ? Frame.analysed(r, picture, writer, s.jpeg() ? 96 : 256, s.jpeg())
          : TestRequests.plain(r, picture, Frame.WIDTH, writer));
    }
    buffer = Unpooled.directBuffer(Frame.PIXELS * 5);
  }

  /** Encodes the whole frame; returns the bytes written so nothing is optimised away. */
  @Benchmark
  public int encodeFrame() {
    buffer.clear();
    out = new ByteBufRfbOutput(buffer);
    for (EncodeRequest r : requests) {
      subject.encode(r, out);
    }
    return buffer.writerIndex();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    subject.close();
    context.end();
    buffer.release();
  }
}
