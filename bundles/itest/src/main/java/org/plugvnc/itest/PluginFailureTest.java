package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/** What a misbehaving plug-in or viewer costs: only its own session, never the server. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class PluginFailureTest {

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  ServerFixture server;
  ServiceRegistration<EncoderFactory> broken;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of());
  }

  @AfterEach
  void unregister() {
    if (broken != null) {
      broken.unregister();
    }
  }

  /** A third-party Hextile plug-in with a bug: every rectangle throws. */
  private void registerBrokenHextile() {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(EncoderFactory.PROPERTY_ENCODING, RfbNumbers.ENCODING_HEXTILE);
    props.put(Constants.SERVICE_RANKING, 100);
    EncoderFactory factory = new EncoderFactory() {
      @Override
      public int encoding() {
        return RfbNumbers.ENCODING_HEXTILE;
      }

      @Override
      public Encoder create(EncoderContext context) {
        return (request, out) -> {
          throw new IllegalStateException("broken encoder plug-in");
        };
      }
    };
    broken = context.registerService(EncoderFactory.class, factory, props);
  }

  @Test
  void aThrowingEncoderEndsOnlyTheSessionItServes() throws IOException {
    registerBrokenHextile();
    try (RfbClient victim = server.client().securityType(1)
            .encodings(RfbNumbers.ENCODING_HEXTILE, RfbNumbers.ENCODING_RAW).connect();
        RfbClient bystander = server.client().securityType(1)
            .encodings(RfbNumbers.ENCODING_RAW).connect()) {
      victim.requestUpdate(false);
      assertTrue(victim.awaitClose(TIMEOUT), "the session whose encoder failed is closed");
      bystander.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(7, 7, ServerFixture.WIDTH, ServerFixture.HEIGHT),
          bystander.pixel(7, 7));
    }
  }

  @Test
  void aFloodOfTinyUpdateRequestsCostsLinearTime() throws IOException {
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      int requests = 60_000;
      ByteBuffer flood = ByteBuffer.allocate(requests * 10);
      for (int i = 0; i < requests; i++) {
        // incremental, 1x1, each at its own place: nothing changes there, so none is answered
        flood.put((byte) 3).put((byte) 1)
            .putShort((short) (i % 300)).putShort((short) ((i / 300) % 200)).putShort((short) 1)
            .putShort((short) 1);
      }
      c.rawWrite(flood.array());
      c.requestUpdate(false);
      assertEquals((long) ServerFixture.WIDTH * ServerFixture.HEIGHT, c.awaitUpdate(TIMEOUT).pixelArea(),
          "the full request after the flood is answered in time");
    }
  }
}
