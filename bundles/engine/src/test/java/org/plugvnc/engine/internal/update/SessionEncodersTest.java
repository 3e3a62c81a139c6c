package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RfbOutput;

/** Which encoder serves a session, following the viewer's order, with Raw always possible. */
class SessionEncodersTest {

  /** A factory whose encoders record what happens to them. */
  static final class Factory implements EncoderFactory {
    final int encoding;
    final boolean copies;
    final boolean stateless;
    final List<String> events = new ArrayList<>();

    Factory(int encoding, boolean copies) {
      this(encoding, copies, false);
    }

    Factory(int encoding, boolean copies, boolean stateless) {
      this.encoding = encoding;
      this.copies = copies;
      this.stateless = stateless;
    }

    @Override
    public boolean stateless() {
      return stateless;
    }

    @Override
    public int encoding() {
      return encoding;
    }

    @Override
    public boolean encodesCopies() {
      return copies;
    }

    @Override
    public Encoder create() {
      events.add("create");
      return new Encoder() {
        @Override
        public void encode(EncodeRequest request, RfbOutput out) {}

        @Override
        public void configure(EncodingSettings settings) {
          events.add("configure " + settings.qualityLevel() + "/" + settings.compressLevel());
        }

        @Override
        public void close() {
          events.add("close");
        }
      };
    }
  }

  private final Map<Integer, EncoderFactory> registry = new HashMap<>();
  private final SessionEncoders encoders = new SessionEncoders(() -> Map.copyOf(registry));

  @Test
  void withNoFactoriesRawIsTheEnginesOwnAndCopiesAreOff() {
    SessionEncoders none = new SessionEncoders(() -> Map.of());
    ClientSettings client = new ClientSettings(new int[] {16, 1, 5, 0});
    SessionEncoders.Choice c = none.pixelEncoder(client);
    assertEquals(0, c.encoding());
    assertNotNull(c.encoder());
    assertSame(c.encoder(), none.pixelEncoder(ClientSettings.INITIAL).encoder());
    assertNull(none.copyEncoder(client));
  }

  @Test
  void theViewersFirstServedEncodingWins() {
    Factory hextile = new Factory(5, false);
    Factory zrle = new Factory(16, false);
    registry.put(5, hextile);
    registry.put(16, zrle);
    assertEquals(16, encoders.pixelEncoder(new ClientSettings(new int[] {7, 16, 5})).encoding());
    assertEquals(5, encoders.pixelEncoder(new ClientSettings(new int[] {5, 16})).encoding());
    assertEquals(0, encoders.pixelEncoder(new ClientSettings(new int[] {2, 4})).encoding(),
        "nothing listed is served: Raw");
  }

  @Test
  void rawListedFirstWinsEvenWithoutARawFactory() {
    // vncsnapshot-style viewers list Raw first and break on anything else; the engine's own Raw
    // serves them whether or not a Raw factory is registered.
    registry.put(5, new Factory(5, false));
    registry.put(16, new Factory(16, false));
    assertEquals(0, encoders.pixelEncoder(new ClientSettings(new int[] {0, 5, 16})).encoding(),
        "Raw listed first is honoured");
    registry.put(0, new Factory(0, false));
    assertEquals(0, encoders.pixelEncoder(new ClientSettings(new int[] {0, 5, 16})).encoding());
  }

  @Test
  void copyRectOnlyWhenListedAndRegistered() {
    Factory copyRect = new Factory(1, true);
    registry.put(1, copyRect);
    assertNull(encoders.copyEncoder(new ClientSettings(new int[] {16, 0})));
    assertEquals(1, encoders.copyEncoder(new ClientSettings(new int[] {1, 0})).encoding());
    assertEquals(0, encoders.pixelEncoder(new ClientSettings(new int[] {1})).encoding(),
        "a copy encoder never serves pixels");
  }

  @Test
  void encodersAreKeptConfiguredAndClosedWhenTheirFactoryGoes() {
    Factory zrle = new Factory(16, false);
    registry.put(16, zrle);
    ClientSettings client = new ClientSettings(new int[] {16, -30, -250});
    encoders.configure(client.encodingSettings());
    Encoder first = encoders.pixelEncoder(client).encoder();
    assertSame(first, encoders.pixelEncoder(client).encoder());
    assertEquals(List.of("create", "configure 2/6"), zrle.events);
    registry.remove(16);
    assertEquals(0, encoders.pixelEncoder(client).encoding());
    assertEquals(List.of("create", "configure 2/6", "close"), zrle.events);
    Factory newer = new Factory(16, false);
    registry.put(16, newer);
    assertEquals(0, encoders.pixelEncoder(client).encoding(),
        "a new ZRLE encoder would start a zlib stream the viewer cannot follow: not used again");
    assertEquals(List.of(), newer.events);
  }

  @Test
  void aReplacedEncoderWithoutConnectionStateIsUsedAgain() {
    Factory hextile = new Factory(5, false, true);
    registry.put(5, hextile);
    ClientSettings client = new ClientSettings(new int[] {5, 0});
    assertEquals(5, encoders.pixelEncoder(client).encoding());
    registry.remove(5);
    assertEquals(0, encoders.pixelEncoder(client).encoding());
    Factory newer = new Factory(5, false, true);
    registry.put(5, newer);
    assertEquals(5, encoders.pixelEncoder(client).encoding());
    encoders.close();
    assertEquals(List.of("create", "configure -1/-1", "close"), newer.events);
  }
}
