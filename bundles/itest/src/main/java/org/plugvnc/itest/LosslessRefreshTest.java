package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * JPEG for a viewer that allows it, and the exact picture once it stops changing: areas sent
 * lossily are sent again losslessly after 50 quiet milliseconds, without the viewer asking for
 * more than incremental updates.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class LosslessRefreshTest {

  /** JPEG at quality level 8 (TigerVNC: quality 92) on the test pattern's gradient. */
  private static final double MIN_PSNR = 30;

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  @Test
  void aLossyPictureBecomesExactOnceItStopsChanging() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_TIGHT,
        RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_QUALITY_LEVEL_0 + 8).connect()) {
      c.requestUpdate(false);
      FramebufferUpdate first = c.awaitUpdate(TIMEOUT);
      assertTrue(first.hasEncoding(RfbNumbers.ENCODING_TIGHT), first.toString());
      int[] desktop = Pictures.desktop(context);
      double psnr = Pictures.psnr(desktop, c.pixels());
      assertTrue(psnr >= MIN_PSNR, "the JPEG picture is close: " + psnr + " dB");
      assertFalse(psnr == Double.POSITIVE_INFINITY, "the first picture was lossy (JPEG)");

      long end = System.nanoTime() + TIMEOUT.toNanos();
      while (!Pictures.equal(desktop, c.pixels())) {
        if (System.nanoTime() > end) {
          fail("not exact after " + TIMEOUT + ": " + Pictures.psnr(desktop, c.pixels()) + " dB");
        }
        c.requestUpdate(true);
        c.poll(Duration.ofMillis(100));
      }
    }
  }
}
