package org.plugvnc.capture.awt.internal;

import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.MouseInfo;
import java.awt.PointerInfo;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import org.plugvnc.api.pixel.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screen seen through {@link Robot}: its bounds, a grab of all of it, where the pointer is on
 * it, and the robot that types and clicks there. Made on whichever thread configures the backend;
 * Robot may be used from any thread.
 */
final class ScreenGrabber {

  private static final Logger LOG = LoggerFactory.getLogger(ScreenGrabber.class);

  /** One grab: {@code width * height} pixels row by row, 0xAARRGGBB with opaque alpha. */
  record Grab(int[] pixels, int width, int height) {}

  private final String screen;
  private final GraphicsDevice device;
  /** Robot's methods are synchronized: one robot grabs, another types, so neither waits. */
  private final Robot grabbing;
  private final Robot typing;

  private ScreenGrabber(String screen, GraphicsDevice device) throws AWTException {
    this.screen = screen;
    this.device = device;
    this.grabbing = new Robot(device);
    this.typing = new Robot(device);
  }

  /**
   * Opens the screen {@code screen} names (see the configuration), the default one when it is
   * empty or names none.
   *
   * @throws java.awt.HeadlessException in a headless JVM
   * @throws AWTException if the platform does not let Robot control this screen
   * @throws java.awt.AWTError if no display can be reached (X11 without a server)
   */
  static ScreenGrabber open(String screen) throws AWTException {
    GraphicsDevice device = find(GraphicsEnvironment.getLocalGraphicsEnvironment(), screen);
    return new ScreenGrabber(screen, device);
  }

  private static GraphicsDevice find(GraphicsEnvironment environment, String screen) {
    GraphicsDevice[] devices = environment.getScreenDevices();
    if (!screen.isEmpty()) {
      for (int i = 0; i < devices.length; i++) {
        if (screen.equals(Integer.toString(i)) || screen.equals(devices[i].getIDstring())) {
          return devices[i];
        }
      }
      LOG.warn("AWT backend: no screen '{}' among {} screens, showing the default one", screen,
          devices.length);
    }
    return environment.getDefaultScreenDevice();
  }

  /** The configured screen name this grabber was opened for. */
  String screen() {
    return screen;
  }

  /** The robot for keys and buttons. */
  Robot robot() {
    return typing;
  }

  /** Where the screen lies in the platform's coordinates (Robot's and the pointer's). */
  Rectangle bounds() {
    return device.getDefaultConfiguration().getBounds();
  }

  /** Grabs the whole screen. Tens of milliseconds for 1920x1080; the cursor is not in it. */
  Grab grab() {
    Rectangle bounds = bounds();
    BufferedImage image = grabbing.createScreenCapture(bounds);
    return new Grab(pixelsOf(image), image.getWidth(), image.getHeight());
  }

  /** The image's own array where it is one int a pixel without padding, else a converted copy. */
  private static int[] pixelsOf(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getRaster().getDataBuffer() instanceof DataBufferInt ints
        && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
        && model.getScanlineStride() == w && ints.getNumBanks() == 1 && ints.getOffset() == 0
        && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0
        && image.getType() == BufferedImage.TYPE_INT_RGB) {
      return ints.getData();
    }
    return image.getRGB(0, 0, w, h, null, 0, w);
  }

  /** The pointer's position on this screen's framebuffer, or null when it is on another screen. */
  Point pointer() {
    PointerInfo info = MouseInfo.getPointerInfo();
    if (info == null || !info.getDevice().equals(device)) {
      return null;
    }
    Rectangle b = bounds();
    java.awt.Point p = info.getLocation();
    return new Point(p.x - b.x, p.y - b.y);
  }

  /** Moves the pointer to ({@code x}, {@code y}) of this screen's framebuffer. */
  void movePointer(int x, int y) {
    Rectangle b = bounds();
    typing.mouseMove(b.x + x, b.y + y);
  }
}
