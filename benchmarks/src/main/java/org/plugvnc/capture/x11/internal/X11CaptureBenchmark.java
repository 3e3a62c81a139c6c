package org.plugvnc.capture.x11.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import org.plugvnc.api.pixel.Rect;

/**
 * What one full frame of a 1920x1080 X screen costs the X11 backend, on an Xvfb this benchmark
 * starts: reading it with XShmGetImage (MIT-SHM) and with XGetImage (through the socket), turning
 * the server's pixels into 0x00RRGGBB, and beside them a plain copy of the same number of ints in
 * memory, measured in the same run. Milliseconds per frame. In the backend's package so it can
 * use the package-private grabbers; needs Xvfb (Debian xvfb) and x11-xserver-utils.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class X11CaptureBenchmark {

  static final int WIDTH = 1920;
  static final int HEIGHT = 1080;
  private static final Rect SCREEN = new Rect(0, 0, WIDTH, HEIGHT);

  private Process xvfb;
  private X11Connection x;
  private ScreenGrabber shm;
  private ScreenGrabber getImage;
  private PixelConverter converter;
  private ScreenGrabber.Image shmImage;
  private int[] frame;
  private int[] source;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0",
        WIDTH + "x" + HEIGHT + "x24", "-noreset", "-nolisten", "tcp")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(),
        StandardCharsets.US_ASCII)).readLine().strip();
    ProcessBuilder paint = new ProcessBuilder("xsetroot", "-mod", "7", "7", "-fg", "#3366CC",
        "-bg", "#F0E0D0");
    paint.environment().put("DISPLAY", display);
    paint.start().waitFor();
    X11Libraries libs = X11Libraries.get();
    x = X11Connection.open(libs, display);
    shm = ShmGrabber.open(libs, x.display, x.rootId, x.attributes().visual, x.depth(), WIDTH,
        HEIGHT);
    if (shm == null) {
      throw new IllegalStateException("Xvfb refused MIT-SHM");
    }
    getImage = new GetImageGrabber(libs, x.display, x.rootId);
    XImageFields layout = GetImageGrabber.probe(libs, x.display, x.rootId);
    converter = new PixelConverter(layout.bitsPerPixel, layout.byteOrder,
        layout.redMask.longValue(), layout.greenMask.longValue(), layout.blueMask.longValue(), null);
    shmImage = shm.grab(SCREEN);
    frame = new int[WIDTH * HEIGHT];
    source = new int[WIDTH * HEIGHT];
    java.util.Arrays.fill(source, 0x3366CC);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    shm.close();
    getImage.close();
    x.close();
    xvfb.destroyForcibly();
  }

  /** The server writes a full frame into shared memory. */
  @Benchmark
  public Object xShmGetImage() {
    return shm.grab(SCREEN);
  }

  /** The server sends a full frame through the socket. */
  @Benchmark
  public Object xGetImage() {
    return getImage.grab(SCREEN);
  }

  /** A full frame from the server's 32-bit pixels into the framebuffer's 0x00RRGGBB ints. */
  @Benchmark
  public int[] convert() {
    for (int row = 0; row < HEIGHT; row++) {
      converter.convertRow(shmImage.data(), (long) row * shmImage.bytesPerLine(), WIDTH, frame,
          row * WIDTH);
    }
    return frame;
  }

  /** The same number of ints copied in memory: the floor for any of the above. */
  @Benchmark
  public int[] memoryCopy() {
    System.arraycopy(source, 0, frame, 0, frame.length);
    return frame;
  }
}
