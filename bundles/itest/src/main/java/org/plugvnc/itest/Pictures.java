package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/** The virtual desktop's own pixels, and how close a viewer's copy of them is. */
final class Pictures {

  private Pictures() {}

  /** Every pixel of the virtual desktop, row by row, as 0x00RRGGBB. */
  static int[] desktop(BundleContext context) throws InvalidSyntaxException {
    Collection<ServiceReference<CaptureBackend>> refs =
        context.getServiceReferences(CaptureBackend.class, "(plugvnc.backend=virtual)");
    assertFalse(refs.isEmpty(), "the virtual desktop is registered");
    ServiceReference<CaptureBackend> ref = refs.iterator().next();
    try {
      Framebuffer fb = context.getService(ref).framebuffer();
      int[] px = new int[fb.width() * fb.height()];
      fb.read(new Rect(0, 0, fb.width(), fb.height()), px, 0, fb.width());
      return px;
    } finally {
      context.ungetService(ref);
    }
  }

  /** Whether both hold the same colours (the top byte ignored). */
  static boolean equal(int[] a, int[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (((a[i] ^ b[i]) & 0xFFFFFF) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The first pixel that differs as "x,y is SEEN, the desktop has EXPECTED", or null. */
  static String firstDifference(int[] expected, int[] seen, int width) {
    for (int i = 0; i < expected.length; i++) {
      if (((expected[i] ^ seen[i]) & 0xFFFFFF) != 0) {
        return String.format("pixel %d,%d is %06X, the desktop has %06X", i % width, i / width,
            seen[i] & 0xFFFFFF, expected[i] & 0xFFFFFF);
      }
    }
    return null;
  }

  /** Peak signal-to-noise ratio over the three channels, in dB (infinite when equal). */
  static double psnr(int[] expected, int[] seen) {
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = ((expected[i] >> shift) & 0xFF) - ((seen[i] >> shift) & 0xFF);
        sum += d * d;
      }
    }
    double mse = sum / (3.0 * expected.length);
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
  }
}
