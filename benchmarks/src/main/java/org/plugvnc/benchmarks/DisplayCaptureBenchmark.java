package org.plugvnc.benchmarks;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.display.DisplayBackend;
import org.plugvnc.testsupport.ArrayFramebuffer;
import org.plugvnc.testsupport.Corpus;

/**
 * What one frame of an application display (and of the virtual desktop, which is one) costs at
 * 1920x1080 in the engine's {@link DisplayBackend}: from the display asking for a repaint to the
 * damage reported, with the display's {@code paint} drawing a photograph with Java2D (the whole
 * screen, and a 40-row band), beside a plain memory copy of a frame of the same size. Headless:
 * no screen is involved. Milliseconds a frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g", "-Djava.awt.headless=true"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DisplayCaptureBenchmark {

  private static final int W = 1920;
  private static final int H = 1080;
  private static final Rect BAND = new Rect(0, H / 3, W, 40);

  private final Semaphore damaged = new Semaphore(0);
  private DisplayBackend backend;
  private int[] frame;
  private int[] copy;

  @Setup(Level.Trial)
  public void setUp() {
    ArrayFramebuffer photo = Corpus.PHOTO.framebuffer(W, H, 1);
    frame = new int[W * H];
    photo.read(new Rect(0, 0, W, H), frame, 0, W);
    BufferedImage picture = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(0, 0, W, H, frame, 0, W);
    backend = new DisplayBackend(new Display() {
      @Override
      public int width() {
        return W;
      }

      @Override
      public int height() {
        return H;
      }

      @Override
      public void paint(Graphics2D g, Rect area) {
        g.drawImage(picture, 0, 0, null);
      }
    }, "bench");
    backend.start(new Counting());
    copy = new int[frame.length];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    backend.stop();
  }

  /** The whole surface repainted: paint, copy into the surface, damage reported. */
  @Benchmark
  public void fullRepaint() throws InterruptedException {
    damaged.drainPermits();
    backend.repaintAll();
    damaged.acquire();
  }

  /** A 40-row band repainted (a line of text's worth). */
  @Benchmark
  public void bandRepaint() throws InterruptedException {
    damaged.drainPermits();
    backend.repaint(BAND);
    damaged.acquire();
  }

  /** The limit: copying a frame of the same size. */
  @Benchmark
  public int[] memoryCopy() {
    System.arraycopy(frame, 0, copy, 0, frame.length);
    return copy;
  }

  /** Counts the damage reports the benchmark waits for. */
  private final class Counting implements DesktopListener {
    @Override
    public void damaged(Region region) {
      damaged.release();
    }

    @Override
    public void copied(Rect target, Point source) {}

    @Override
    public void resized(int width, int height) {}

    @Override
    public void cursorChanged(CursorShape shape) {}

    @Override
    public void bell() {}
  }
}
