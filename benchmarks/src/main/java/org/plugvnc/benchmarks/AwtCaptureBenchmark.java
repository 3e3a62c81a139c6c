package org.plugvnc.benchmarks;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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
import org.openjdk.jmh.annotations.Warmup;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.awt.internal.TileDamage;

/**
 * What one frame of the AWT capture backend costs at the screen's size (1920x1080 under
 * {@code scripts/bench-awt.sh}): a Robot grab, the tile comparison against the last frame, both
 * together as the capture thread does them, and beside them a plain memory copy of a frame of the
 * same size. Milliseconds a frame. Needs a display (DISPLAY set, not headless).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AwtCaptureBenchmark {

  private static final int TILE = 32;

  private Robot robot;
  private Rectangle screen;
  private int[] previous;
  private int[] still;
  private int[] changed;
  private int[] copy;

  @Setup(Level.Trial)
  public void setUp() throws AWTException {
    if (GraphicsEnvironment.isHeadless()) {
      throw new IllegalStateException("AwtCaptureBenchmark needs a display: run scripts/bench-awt.sh");
    }
    var device = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
    robot = new Robot(device);
    screen = device.getDefaultConfiguration().getBounds();
    previous = grab();
    still = previous.clone();
    changed = previous.clone();
    for (int y = screen.height / 3; y < screen.height / 3 + 40; y++) { // a line of text's worth
      for (int x = 0; x < screen.width; x++) {
        changed[y * screen.width + x] ^= 0x010101;
      }
    }
    copy = new int[previous.length];
  }

  private int[] grab() {
    BufferedImage image = robot.createScreenCapture(screen);
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /** The capture thread's work for one frame on a still screen: grab, compare every tile. */
  @Benchmark
  public Region grabAndCompare() {
    return TileDamage.between(previous, grab(), screen.width, screen.height, TILE);
  }

  @Benchmark
  public int[] grabOnly() {
    return grab();
  }

  /** Comparing two equal frames: every pixel is looked at. */
  @Benchmark
  public Region compareStill() {
    return TileDamage.between(previous, still, screen.width, screen.height, TILE);
  }

  /** Comparing against a frame with a 40-row band changed: changed tiles stop at their first difference. */
  @Benchmark
  public Region compareBandChanged() {
    return TileDamage.between(previous, changed, screen.width, screen.height, TILE);
  }

  /** The limit: copying a frame of the same size. */
  @Benchmark
  public int[] memoryCopy() {
    System.arraycopy(previous, 0, copy, 0, previous.length);
    return copy;
  }
}
