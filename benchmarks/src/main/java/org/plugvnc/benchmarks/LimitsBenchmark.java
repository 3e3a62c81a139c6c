package org.plugvnc.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
import org.plugvnc.testsupport.Corpus;

/**
 * The limits the encoders are measured beside, in the same run on the same machine: a memory copy
 * of the frame (what no encoder can beat) and java.util.zip.Deflater at levels 1 and 6 over the
 * raw 32-bit pixels (what any zlib-based encoder pays at most for the same bytes). Mpixels/s on
 * one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Frame.PIXELS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LimitsBenchmark {

  @Param({"MIXED", "PHOTO"})
  public String scene;

  private int[] pixels;
  private int[] copy;
  private byte[] raw;
  private byte[] compressed;
  private Deflater fast;
  private Deflater standard;

  @Setup(Level.Trial)
  public void setUp() {
    pixels = Frame.pixels(Corpus.valueOf(scene));
    copy = new int[pixels.length];
    raw = new byte[pixels.length * 4];
    for (int i = 0; i < pixels.length; i++) {
      int p = pixels[i];
      raw[4 * i] = (byte) p;
      raw[4 * i + 1] = (byte) (p >>> 8);
      raw[4 * i + 2] = (byte) (p >>> 16);
    }
    compressed = new byte[raw.length + raw.length / 100 + 1024];
    fast = new Deflater(1);
    standard = new Deflater(6);
  }

  /** A memory copy of the frame's pixels. */
  @Benchmark
  public int memoryCopy() {
    System.arraycopy(pixels, 0, copy, 0, pixels.length);
    return copy[copy.length / 2];
  }

  /** zlib level 1 over the raw pixels, one stream kept as an encoder keeps it. */
  @Benchmark
  public int deflateLevel1() {
    return deflate(fast);
  }

  /** zlib level 6 (zlib's default) over the raw pixels. */
  @Benchmark
  public int deflateLevel6() {
    return deflate(standard);
  }

  private int deflate(Deflater d) {
    d.setInput(raw);
    int n = 0;
    while (!d.needsInput()) {
      n += d.deflate(compressed, 0, compressed.length, Deflater.NO_FLUSH);
    }
    n += d.deflate(compressed, 0, compressed.length, Deflater.SYNC_FLUSH);
    return n;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fast.end();
    standard.end();
  }
}
