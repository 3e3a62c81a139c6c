package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.protocol.Rfb;

/**
 * The encoders of one session: made once from the registry's factories, configured, replaced as
 * each factory's {@link Continuity} says, with the session's zlib streams kept and ended.
 */
class SessionEncodersTest {

  private final TestFactory.Registry registry = new TestFactory.Registry();
  private final SessionEncoders encoders = new SessionEncoders(registry);

  @Test
  void withNoFactoriesOnlyTheEnginesOwnRawIsThere() {
    assertEquals(Map.of(), encoders.usable());
    SessionEncoders.Choice raw = encoders.choice(Rfb.ENCODING_RAW);
    assertEquals(Rfb.ENCODING_RAW, raw.encoding());
    assertNull(raw.factory(), "the engine's own Raw has no factory");
    assertNotNull(raw.encoder());
    assertFalse(raw.lossy());
    assertSame(raw.encoder(), encoders.choice(Rfb.ENCODING_RAW).encoder());
    assertThrows(IllegalArgumentException.class, () -> encoders.choice(Rfb.ENCODING_ZRLE));
  }

  @Test
  void aRegisteredRawFactoryReplacesTheEnginesOwn() {
    TestFactory raw = TestFactory.of(Rfb.ENCODING_RAW);
    registry.put(raw);
    encoders.usable();
    SessionEncoders.Choice c = encoders.choice(Rfb.ENCODING_RAW);
    assertSame(raw, c.factory());
    assertSame(raw.made.get(0), c.encoder());
  }

  @Test
  void usableIsTheRegistryAndTheSameMapUntilItChanges() {
    TestFactory zrle = TestFactory.of(Rfb.ENCODING_ZRLE);
    TestFactory hextile = TestFactory.of(Rfb.ENCODING_HEXTILE);
    registry.put(zrle, hextile);
    Map<Integer, EncoderFactory> first = encoders.usable();
    assertEquals(Map.of(16, zrle, 5, hextile), first);
    assertSame(first, encoders.usable(), "unchanged registry: the same map, so plans are cached");
    registry.remove(Rfb.ENCODING_HEXTILE);
    Map<Integer, EncoderFactory> second = encoders.usable();
    assertNotSame(first, second);
    assertEquals(Map.of(16, zrle), second);
  }

  @Test
  void aCopyFactoryIsUsableForCopiesButNeverPlannedForPixels() {
    TestFactory copyRect = TestFactory.of(Rfb.ENCODING_COPY_RECT).forCopies();
    TestFactory hextile = TestFactory.of(Rfb.ENCODING_HEXTILE);
    registry.put(copyRect, hextile);
    // The scheduler takes CopyRect from usable() for copies ...
    assertSame(copyRect, encoders.usable().get(Rfb.ENCODING_COPY_RECT));
    assertSame(copyRect, encoders.choice(Rfb.ENCODING_COPY_RECT).factory());
    // ... and the plan, which serves pixels, skips it even when the viewer lists it first.
    EncodingPlan plan = new EncodingSelector(encoders)
        .plan(new ClientSettings(new int[] {1, 5, 0}), PixelFormat.RGB888);
    for (int e : new int[] {plan.solid(), plan.bitmap(), plan.bitmapRle(), plan.indexed(),
        plan.indexedRle(), plan.fullColour()}) {
      assertEquals(Rfb.ENCODING_HEXTILE, e);
    }
  }

  @Test
  void anEncoderIsMadeOnceOnFirstUseAndConfigured() {
    TestFactory zrle = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.CONTINUES);
    registry.put(zrle);
    encoders.usable();
    assertEquals(List.of(), zrle.events, "nothing is made before it is needed");
    EncodingSettings settings =
        new ClientSettings(new int[] {16, -30, -250, -432}).encodingSettings();
    encoders.configure(settings);
    SessionEncoders.Choice c = encoders.choice(Rfb.ENCODING_ZRLE);
    assertSame(c.encoder(), encoders.choice(Rfb.ENCODING_ZRLE).encoder());
    assertEquals(List.of("create", "configure 2/80/6"), zrle.events);
    assertSame(settings, zrle.made.get(0).settings);
    EncodingSettings later = new ClientSettings(new int[] {16, -25}).encodingSettings();
    encoders.configure(later);
    assertEquals(List.of("create", "configure 2/80/6", "configure 7/-1/-1"), zrle.events,
        "new settings reach an encoder already made");
  }

  @Test
  void eachEncodingHasItsOwnStreamsMadeOnFirstUse() {
    TestFactory zrle = TestFactory.of(Rfb.ENCODING_ZRLE);
    TestFactory zlib = TestFactory.of(Rfb.ENCODING_ZLIB);
    registry.put(zrle, zlib);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZRLE);
    encoders.choice(Rfb.ENCODING_ZLIB);
    EncoderContext a = zrle.contexts.get(0);
    EncoderContext b = zlib.contexts.get(0);
    assertSame(a.deflater(0), a.deflater(0), "the same stream for the whole session");
    assertNotSame(a.deflater(0), a.deflater(1));
    assertNotSame(a.deflater(0), b.deflater(0), "encodings never share a stream");
    assertNotNull(a.deflater(EncoderContext.MAX_STREAMS - 1));
    assertThrows(IllegalArgumentException.class, () -> a.deflater(EncoderContext.MAX_STREAMS));
    assertThrows(IllegalArgumentException.class, () -> a.deflater(-1));
  }

  @Test
  void aContinuingEncodersSuccessorGetsTheVerySameStreams() throws DataFormatException {
    TestFactory first = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.CONTINUES);
    registry.put(first);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZRLE);
    EncoderContext before = first.contexts.get(0);
    Deflater d0 = before.deflater(0);
    Deflater d3 = before.deflater(3);
    byte[] part1 = deflate(d0, "the viewer's inflater follows ");

    TestFactory second = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.CONTINUES);
    registry.put(second);
    assertSame(second, encoders.usable().get(Rfb.ENCODING_ZRLE), "a continuing encoding stays");
    assertEquals(List.of("create", "configure -1/-1/-1", "close"), first.events);
    SessionEncoders.Choice c = encoders.choice(Rfb.ENCODING_ZRLE);
    assertSame(second.made.get(0), c.encoder());
    EncoderContext after = second.contexts.get(0);
    assertSame(d0, after.deflater(0));
    assertSame(d3, after.deflater(3));
    // The stream really goes on: one inflater reads both encoders' output as one stream.
    byte[] part2 = deflate(after.deflater(0), "one stream across two encoders");
    assertEquals("the viewer's inflater follows one stream across two encoders",
        inflate(part1, part2));
  }

  @Test
  void aContinuingEncodingThatGoesAndComesBackContinuesToo() {
    TestFactory first = TestFactory.of(Rfb.ENCODING_ZLIB).continuity(Continuity.CONTINUES);
    registry.put(first);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZLIB);
    Deflater d = first.contexts.get(0).deflater(0);
    registry.remove(Rfb.ENCODING_ZLIB);
    assertFalse(encoders.usable().containsKey(Rfb.ENCODING_ZLIB));
    assertTrue(first.made.get(0).closed);
    TestFactory back = TestFactory.of(Rfb.ENCODING_ZLIB).continuity(Continuity.CONTINUES);
    registry.put(back);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZLIB);
    assertSame(d, back.contexts.get(0).deflater(0));
  }

  @Test
  void anEndingEncodingIsRetiredAndItsStreamsEnded() {
    TestFactory first = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.ENDS);
    TestFactory hextile = TestFactory.of(Rfb.ENCODING_HEXTILE);
    registry.put(first, hextile);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZRLE);
    Deflater d = first.contexts.get(0).deflater(0);
    deflate(d, "private state");

    TestFactory second = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.ENDS);
    registry.put(second);
    Map<Integer, EncoderFactory> usable = encoders.usable();
    assertFalse(usable.containsKey(Rfb.ENCODING_ZRLE), "never used again by this session");
    assertTrue(usable.containsKey(Rfb.ENCODING_HEXTILE));
    assertTrue(first.made.get(0).closed);
    assertThrows(IllegalArgumentException.class, () -> encoders.choice(Rfb.ENCODING_ZRLE));
    assertThrows(RuntimeException.class, () -> deflate(d, "after end"), "its streams are ended");
    assertEquals(List.of(), second.events);
    // Still retired after further registry changes, and the plan moves on to Hextile.
    registry.put(TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.CONTINUES));
    assertFalse(encoders.usable().containsKey(Rfb.ENCODING_ZRLE));
    EncodingPlan plan = new EncodingSelector(encoders)
        .plan(new ClientSettings(new int[] {16, 5}), PixelFormat.RGB888);
    assertEquals(Rfb.ENCODING_HEXTILE, plan.fullColour());
  }

  @Test
  void anEndingEncodingNeverUsedIsNotRetired() {
    TestFactory first = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.ENDS);
    registry.put(first);
    encoders.usable();
    TestFactory second = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.ENDS);
    registry.put(second);
    assertSame(second, encoders.usable().get(Rfb.ENCODING_ZRLE),
        "no encoder was made, so the viewer follows no state of the old one");
  }

  @Test
  void statelessAndRestartingEncodingsGetANewEncoder() {
    for (Continuity c : new Continuity[] {Continuity.STATELESS, Continuity.RESTARTS}) {
      TestFactory.Registry reg = new TestFactory.Registry();
      SessionEncoders session = new SessionEncoders(reg);
      TestFactory first = TestFactory.of(Rfb.ENCODING_TIGHT).continuity(c);
      reg.put(first);
      EncodingSettings settings = new ClientSettings(new int[] {7, -26}).encodingSettings();
      session.configure(settings);
      session.usable();
      session.choice(Rfb.ENCODING_TIGHT);
      TestFactory second = TestFactory.of(Rfb.ENCODING_TIGHT).continuity(c);
      reg.put(second);
      assertSame(second, session.usable().get(Rfb.ENCODING_TIGHT), c.toString());
      assertTrue(first.made.get(0).closed, c.toString());
      SessionEncoders.Choice next = session.choice(Rfb.ENCODING_TIGHT);
      assertSame(second.made.get(0), next.encoder(), c.toString());
      assertNotSame(first.made.get(0), next.encoder(), c.toString());
      assertSame(settings, second.made.get(0).settings, c + ": configured like the old one");
      // The new encoder's streams work (a restarting one resets them and tells the viewer).
      assertTrue(deflate(second.contexts.get(0).deflater(0), "fresh start").length > 0,
          c.toString());
      session.close();
    }
  }

  @Test
  void aStatelessEncodingThatGoesIsUsedAgainWhenItComesBack() {
    TestFactory hextile = TestFactory.of(Rfb.ENCODING_HEXTILE);
    registry.put(hextile);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_HEXTILE);
    registry.remove(Rfb.ENCODING_HEXTILE);
    assertEquals(Map.of(), encoders.usable());
    assertEquals(List.of("create", "configure -1/-1/-1", "close"), hextile.events);
    TestFactory back = TestFactory.of(Rfb.ENCODING_HEXTILE);
    registry.put(back);
    encoders.usable();
    assertTrue(back.made.isEmpty(), "made on first use only");
    assertSame(back, encoders.choice(Rfb.ENCODING_HEXTILE).factory());
    assertEquals(1, back.made.size());
  }

  @Test
  void closeClosesEveryEncoderAndEndsTheStreams() {
    TestFactory zrle = TestFactory.of(Rfb.ENCODING_ZRLE).continuity(Continuity.CONTINUES);
    TestFactory tight = TestFactory.of(Rfb.ENCODING_TIGHT).continuity(Continuity.RESTARTS);
    registry.put(zrle, tight);
    encoders.usable();
    encoders.choice(Rfb.ENCODING_ZRLE);
    encoders.choice(Rfb.ENCODING_TIGHT);
    Deflater a = zrle.contexts.get(0).deflater(0);
    Deflater b = tight.contexts.get(0).deflater(2);
    deflate(a, "before");
    encoders.close();
    assertTrue(zrle.made.get(0).closed);
    assertTrue(tight.made.get(0).closed);
    assertThrows(RuntimeException.class, () -> deflate(a, "after"));
    assertThrows(RuntimeException.class, () -> deflate(b, "after"));
    assertEquals(List.of("create", "configure -1/-1/-1", "close"), zrle.events, "closed once");
  }

  /** Deflates {@code text} to a sync-flush boundary, as an encoder ends each rectangle. */
  private static byte[] deflate(Deflater d, String text) {
    d.setInput(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[256];
    int n;
    do {
      n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
      out.write(buf, 0, n);
    } while (n == buf.length);
    return out.toByteArray();
  }

  /** What one inflater, as a viewer keeps it, reads from {@code parts} in order. */
  private static String inflate(byte[]... parts) throws DataFormatException {
    Inflater inf = new Inflater();
    StringBuilder text = new StringBuilder();
    byte[] buf = new byte[256];
    for (byte[] p : parts) {
      inf.setInput(p);
      int n;
      while ((n = inf.inflate(buf)) > 0) {
        text.append(new String(Arrays.copyOf(buf, n), java.nio.charset.StandardCharsets.US_ASCII));
      }
    }
    assertEquals(0, inf.getRemaining(), "input left over");
    inf.end();
    return text.toString();
  }
}
