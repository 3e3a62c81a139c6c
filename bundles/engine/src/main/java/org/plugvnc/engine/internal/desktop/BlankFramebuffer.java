package org.plugvnc.engine.internal.desktop;

import java.util.Arrays;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * A black framebuffer shown while no capture backend is available, so that viewers stay
 * connected until one comes (back).
 */
final class BlankFramebuffer implements Framebuffer {

  private final int width;
  private final int height;

  BlankFramebuffer(int width, int height) {
    this.width = width;
    this.height = height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    if (!new Rect(0, 0, width, height).contains(area)) {
      throw new IndexOutOfBoundsException(area + " outside " + width + "x" + height);
    }
    for (int y = 0; y < area.height(); y++) {
      Arrays.fill(dst, offset + y * stride, offset + y * stride + area.width(), 0);
    }
  }
}
