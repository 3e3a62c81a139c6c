package org.plugvnc.api.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Rect;

class CaptureBackendDefaultsTest {

  private final Framebuffer fb = new Framebuffer() {
    @Override
    public int width() {
      return 100;
    }

    @Override
    public int height() {
      return 50;
    }

    @Override
    public void read(Rect area, int[] dst, int offset, int stride) {}
  };

  private final CaptureBackend backend = new CaptureBackend() {
    @Override
    public void start(DesktopListener listener) {}

    @Override
    public void stop() {}

    @Override
    public Framebuffer framebuffer() {
      return fb;
    }

    @Override
    public InputSink input() {
      return null;
    }

    @Override
    public CursorShape cursor() {
      return null;
    }
  };

  @Test
  void aBackendIsOneScreenCoveringItsFramebufferUnlessItSaysOtherwise() {
    assertEquals(List.of(new Screen(0, new Rect(0, 0, 100, 50), 0)), backend.screens());
  }

  @Test
  void aBackendRefusesResizeRequestsUnlessItTakesThem() {
    assertEquals(ResizeResult.PROHIBITED,
        backend.setDesktopSize(200, 100, List.of(new Screen(0, new Rect(0, 0, 200, 100), 0))));
  }

  @Test
  void resultCodesAreTheWireNumbers() {
    assertEquals(0, ResizeResult.OK.code());
    assertEquals(1, ResizeResult.PROHIBITED.code());
    assertEquals(2, ResizeResult.OUT_OF_RESOURCES.code());
    assertEquals(3, ResizeResult.INVALID_LAYOUT.code());
  }
}
