package org.plugvnc.engine.internal.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.concat;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.protocol.ProtocolVersion;
import org.plugvnc.engine.internal.testsupport.IdleClient;
import org.plugvnc.engine.internal.testsupport.ManualExecutor;

/**
 * Layers a handshake puts under its connection ({@link ConnectionLayers}, {@link
 * RecordLayerHandler}): a real {@link RfbConnection} on an embedded channel with security type 151
 * ({@link LayeredSecurityType}), and a viewer that sends everything at once, so that whatever
 * follows the handshake's last clear message is already buffered when the layer comes.
 */
class ConnectionLayersTest {

  private static final byte[] VIEWER_38 = "RFB 003.008\n".getBytes(US_ASCII);
  private static final int TYPE = LayeredSecurityType.TYPE;


  private final DesktopHub desktop = new DesktopHub();
  private final CountDownLatch hubGate = new CountDownLatch(1);
  private final ManualExecutor workers = new ManualExecutor();
  private final SessionEvents events = new SessionEvents();
  private LayeredSecurityType type151;
  private RfbConnection connection;
  private ViewerChannel viewer;

  @AfterEach
  void closeEverything() {
    hubGate.countDown();
    if (viewer != null) {
      viewer.finishAndReleaseAll();
    }
    desktop.close();
    events.close();
    workers.shutdownNow();
  }

  @Test
  void bytesBehindTheLastClearMessageAreOpenedByTheNewLayer() throws Exception {
    chooseType151(LayeredSecurityType.Mode.KEEP_RECORDS);
    holdHubThread();

    // 'S' in clear, then "OK" and ClientInit as records, all in one read.
    viewer.send(concat(of('S'), LayeredSecurityType.TestRecords.seal((byte) 'O', (byte) 'K'),
        LayeredSecurityType.TestRecords.seal((byte) 1)));

    assertEquals(ConnectionState.SERVER_INIT, connection.state(),
        "the handshake saw OK and the connection ClientInit, both opened by the layer");
    assertNotNull(viewer.pipeline().get(RecordLayerHandler.NAME));
    List<String> names = viewer.pipeline().names();
    assertEquals(names.indexOf(RfbStream.NAME) + 1, names.indexOf(RecordLayerHandler.NAME),
        "the layer starts the RFB stream: " + names);
    // The answer and SecurityResult come sealed, SecurityResult cut into records of 3 and 1 bytes.
    List<byte[]> records = openAll(viewer.received());
    assertEquals(3, records.size(), "records: " + records.size());
    assertArrayEquals(of(0x77), records.get(0));
    assertArrayEquals(of(0, 0, 0), records.get(1));
    assertArrayEquals(of(0), records.get(2));
  }

  @Test
  void endingTheLayerTakesWhatFollowsInClear() throws Exception {
    chooseType151(LayeredSecurityType.Mode.END_RECORDS);
    holdHubThread();

    // "OK" in a record, then ClientInit in clear (RA2ne), in the same read as 'S'.
    viewer.send(concat(of('S'), LayeredSecurityType.TestRecords.seal((byte) 'O', (byte) 'K'),
        of(1)));

    assertEquals(ConnectionState.SERVER_INIT, connection.state(),
        "ClientInit was read in clear after the layer ended");
    assertNull(viewer.pipeline().get(RecordLayerHandler.NAME));
    ByteBuffer in = viewer.received();
    byte[] answer = new byte[3];
    in.get(answer);
    assertArrayEquals(LayeredSecurityType.TestRecords.seal((byte) 0x77), answer,
        "what the handshake wrote before it ended the layer is sealed");
    assertEquals(0, in.getInt(), "SecurityResult OK in clear");
    assertFalse(in.hasRemaining());
  }

  @Test
  void theSocketsOutboundBufferCountsTheSealedBytes() throws Exception {
    chooseType151(LayeredSecurityType.Mode.KEEP_RECORDS);
    viewer.send(of('S'));
    viewer.received();

    // Unflushed, as the Outbox's slot messages are: the water marks and the OutputBudget read
    // this buffer, so the sealed bytes must be in it, not held back in the layer.
    viewer.write(io.netty.buffer.Unpooled.wrappedBuffer(new byte[10]));
    io.netty.channel.ChannelOutboundBuffer queued = viewer.unsafe().outboundBuffer();
    long sealed = queued.totalPendingWriteBytes();
    // The same count for 18 bytes written below the layer: 10 bytes as records of 3, 3, 3 and 1,
    // each 2 bytes longer, are already on the socket's queue.
    viewer.pipeline().context(RecordLayerHandler.NAME).write(
        io.netty.buffer.Unpooled.wrappedBuffer(new byte[10 + 4 * 2]));
    assertEquals(sealed, queued.totalPendingWriteBytes() - sealed);
    viewer.flush();
    ByteBuffer out = viewer.received();
    out.limit(18);
    assertEquals(4, openAll(out).size());
  }

  @Test
  void aRecordThatDoesNotOpenEndsTheConnection() throws Exception {
    chooseType151(LayeredSecurityType.Mode.KEEP_RECORDS);
    byte[] bad = LayeredSecurityType.TestRecords.seal((byte) 'O', (byte) 'K');
    bad[bad.length - 1] ^= 1;

    viewer.send(concat(of('S'), bad));

    assertEquals(ConnectionState.CLOSED, connection.state());
    assertFalse(viewer.isOpen());
    assertTrue(connection.record().endReason().contains("does not open"),
        connection.record().endReason());
    assertEquals(1, openAll(viewer.received()).size(), "only the answer to S went out");
  }

  @Test
  void aRecordLongerThanTheLayerAllowsEndsTheConnectionBeforeItIsBuffered() throws Exception {
    chooseType151(LayeredSecurityType.Mode.KEEP_RECORDS);

    viewer.send(of('S', 200)); // a header claiming 200 bytes, more than the 64 allowed

    assertFalse(viewer.isOpen());
    assertTrue(connection.record().endReason().contains("202 bytes"),
        connection.record().endReason());
    assertEquals(1, openAll(viewer.received()).size(), "only the answer to S went out");
    List<ByteBuf> leaked = viewer.allocator().unreleased();
    assertTrue(leaked.isEmpty(), () -> leaked.size() + " buffers were never released");
  }

  @Test
  void aClientHelloRightBehindTheChoiceReachesTls() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLSv1.3");
    tls.init(null, null, null);
    chooseType151(LayeredSecurityType.Mode.TLS, () -> {
      SSLEngine e = tls.createSSLEngine();
      e.setUseClientMode(false);
      return e;
    });
    SSLEngine client = tls.createSSLEngine("localhost", 5900);
    client.setUseClientMode(true);
    client.beginHandshake();
    ByteBuffer hello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
    client.wrap(ByteBuffer.allocate(0), hello);
    hello.flip();
    byte[] clientHello = new byte[hello.remaining()];
    hello.get(clientHello);
    assertEquals(0x16, clientHello[0], "a TLS handshake record");

    viewer.send(concat(of('S'), clientHello));
    viewer.runPendingTasks();

    ByteBuffer in = viewer.received();
    assertEquals(0x77, in.get(), "the acknowledgement went out in clear, before TLS");
    assertTrue(in.remaining() >= 5, "TLS answered the ClientHello");
    int contentType = in.get() & 0xFF;
    assertTrue(contentType == 0x15 || contentType == 0x16,
        "a TLS record (an alert here: the server has no certificate), not " + contentType);
    assertEquals(3, in.get(), "TLS major version");
  }

  @Test
  void aLayerCanBeStartedOnlyDuringTheHandshake() throws Exception {
    chooseType151(LayeredSecurityType.Mode.KEEP_RECORDS);
    assertThrows(IllegalStateException.class,
        () -> type151.lastContext.startRecordLayer(new LayeredSecurityType.TestRecords()));
    assertThrows(IllegalStateException.class, () -> type151.lastContext.endRecordLayer());
    assertNull(viewer.pipeline().get(RecordLayerHandler.NAME));
  }

  private void chooseType151(LayeredSecurityType.Mode mode) throws Exception {
    chooseType151(mode, () -> {
      throw new AssertionError("no TLS in this test");
    });
  }

  private void chooseType151(LayeredSecurityType.Mode mode,
      java.util.function.Supplier<SSLEngine> tls) throws Exception {
    type151 = new LayeredSecurityType(mode, tls);
    ServerSettings settings = new ServerSettings(List.of(TYPE), SharePolicy.SHARED, "layers",
        1 << 20, 10_000, 1 << 20, 1 << 24, 0);
    SessionRegistry sessions = new SessionRegistry();
    ServerContext server = new TestServer(settings, Map.of(TYPE, type151), Map.of(), desktop,
        sessions, null, new AuthFailureThrottle(() -> 0L), new PreAuthLimits(),
        new InputBudget(() -> 1 << 30), new OutputBudget(sessions, () -> 1 << 30), workers, events);
    connection = new RfbConnection(server);
    viewer = ViewerChannel.connect(connection);
    viewer.send(VIEWER_38);
    ByteBuffer in = viewer.received();
    byte[] offer = new byte[in.remaining()];
    in.get(offer);
    assertArrayEquals(concat(ProtocolVersion.SERVER_VERSION, of(1, TYPE)), offer);
    viewer.send(of(TYPE));
    assertEquals(ConnectionState.SECURITY_HANDSHAKE, connection.state());
  }

  /** Opens the toy records in {@code in}, each checked, as a viewer would. */
  private static List<byte[]> openAll(ByteBuffer in) throws Exception {
    List<byte[]> records = new ArrayList<>();
    LayeredSecurityType.TestRecords r = new LayeredSecurityType.TestRecords();
    while (in.hasRemaining()) {
      int n = r.recordLength(in);
      ByteBuffer plain = ByteBuffer.allocate(n);
      r.open(in.slice(in.position(), n), plain);
      in.position(in.position() + n);
      byte[] b = new byte[plain.position()];
      plain.flip().get(b);
      records.add(b);
    }
    return records;
  }

  /** Keeps the hub's thread busy, as SecurityPhaseTest does, so ServerInit waits. */
  private void holdHubThread() {
    desktop.attach(new IdleClient(), () -> {
      try {
        hubGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
