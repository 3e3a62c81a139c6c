package org.plugvnc.itest;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;

/**
 * A backend whose start and stop take as long as a real one's may (opening a display, waiting for
 * a capture thread): one solid colour of {@link ServerFixture#WIDTH}x{@link ServerFixture#HEIGHT}.
 * It counts the calls, so a test can tell that it really ran them.
 */
final class SlowBackend implements CaptureBackend {

  static final String NAME = "slow";
  static final int COLOUR = 0x3366CC;
  static final long DELAY_MILLIS = 1500;

  /** Calls of start() entered, and those that returned (after which ServerInit may go out). */
  final AtomicInteger startsEntered = new AtomicInteger();
  final AtomicInteger startsReturned = new AtomicInteger();
  final AtomicInteger stopsEntered = new AtomicInteger();

  private final Framebuffer framebuffer = new SolidFramebuffer();
  private final InputSink input = new InputSink() {
    @Override
    public void key(KeyEvent event) {
    }

    @Override
    public void pointer(PointerEvent event) {
    }
  };

  @Override
  public void start(DesktopListener listener) {
    startsEntered.incrementAndGet();
    sleep();
    startsReturned.incrementAndGet();
  }

  @Override
  public void stop() {
    stopsEntered.incrementAndGet();
    sleep();
  }

  private static void sleep() {
    try {
      Thread.sleep(DELAY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Framebuffer framebuffer() {
    return framebuffer;
  }

  @Override
  public InputSink input() {
    return input;
  }

  @Override
  public CursorShape cursor() {
    return null;
  }

  private static final class SolidFramebuffer implements Framebuffer {

    @Override
    public int width() {
      return ServerFixture.WIDTH;
    }

    @Override
    public int height() {
      return ServerFixture.HEIGHT;
    }

    @Override
    public void read(Rect area, int[] dst, int offset, int stride) {
      if (area.x() < 0 || area.y() < 0 || area.right() > width() || area.bottom() > height()) {
        throw new IndexOutOfBoundsException(area + " is outside " + width() + "x" + height());
      }
      for (int row = 0; row < area.height(); row++) {
        int from = offset + row * stride;
        Arrays.fill(dst, from, from + area.width(), COLOUR);
      }
    }
  }
}
