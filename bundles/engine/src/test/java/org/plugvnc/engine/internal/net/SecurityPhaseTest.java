package org.plugvnc.engine.internal.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.testsupport.Bytes.concat;
import static org.plugvnc.engine.internal.testsupport.Bytes.of;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.management.SessionEvent;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.protocol.ProtocolVersion;
import org.plugvnc.engine.internal.testsupport.IdleClient;
import org.plugvnc.engine.internal.testsupport.ManualExecutor;

/**
 * The security phase as a viewer meets it: a real {@link RfbConnection} on an embedded channel,
 * with security type 150 whose handshake each test scripts. The worker pool is a
 * {@link ManualExecutor}, so where an asynchronous check runs against the I/O thread is decided
 * here, not by timing.
 */
class SecurityPhaseTest {

  private static final int TYPE = ScriptedSecurityType.TYPE;
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final byte[] VIEWER_38 = "RFB 003.008\n".getBytes(US_ASCII);
  private static final InetAddress ADDRESS = ViewerChannel.REMOTE.getAddress();
  private static final Identity USER = new Identity("tester", false);
  private static final String DESKTOP_NAME = "test desktop";


  // A clock that stands still: a block never runs out in the middle of a test.
  private final AuthFailureThrottle throttle = new AuthFailureThrottle(() -> 0L);
  private final ManualExecutor workers = new ManualExecutor();
  private final DesktopHub desktop = new DesktopHub();
  private final CountDownLatch hubGate = new CountDownLatch(1);
  private final ScriptedSecurityType type150 = new ScriptedSecurityType();
  private RfbConnection connection;
  private ViewerChannel viewer;

  private final SessionEvents events = new SessionEvents();
  private final LinkedBlockingQueue<SessionEvent> heard =
      new LinkedBlockingQueue<>();

  /** The next event the listeners heard, waiting for the events thread. */
  private SessionEvent nextEvent() throws InterruptedException {
    SessionEvent e = heard.poll(5, TimeUnit.SECONDS);
    assertNotNull(e, "an event was published");
    return e;
  }

  @BeforeEach
  void listen() {
    events.add(heard::add);
  }

  @BeforeEach
  void oneFailureBlocks() {
    // So that whether a failure was counted shows as whether the address is blocked.
    throttle.configure(1, 60_000);
  }

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
  void aThrowingHandshakeReleasesItsBufferAndEndsTheConnection() throws Exception {
    type150.answerWith((context, out) -> {
      out.writeU32(0xCAFEBABE); // half a reply, in the buffer that must now be released
      throw new IllegalStateException("a bug in the security type (test)");
    });
    chooseType150();

    viewer.send(of(42));
    viewer.runPendingTasks();

    ByteBuffer in = viewer.received();
    assertEquals(Rfb.SECURITY_RESULT_FAILED, in.getInt());
    assertEquals("the server could not check the authentication", reason(in));
    assertFalse(in.hasRemaining(), "what the handshake wrote before it threw is not sent");
    assertEquals(SessionEvent.Kind.CONNECTED, nextEvent().kind());
    SessionEvent failed = nextEvent();
    assertEquals(SessionEvent.Kind.AUTHENTICATION_FAILED, failed.kind());
    assertEquals("the server could not check the authentication", failed.reason());
    assertEquals(Rfb.securityTypeName(TYPE), failed.securityType());
    assertEquals("", failed.user());
    assertEquals("127.0.0.1:40000", failed.peer());
    assertFalse(viewer.isOpen());
    List<ByteBuf> leaked = viewer.allocator().unreleased();
    assertTrue(leaked.isEmpty(), () -> leaked.size() + " of " + viewer.allocator().allocated()
        + " buffers were never released: " + leaked);
  }

  @Test
  void anAsynchronousSuccessDecodesTheClientInitThatAlreadyArrived() throws Exception {
    type150.answerWith((context, out) -> {
      context.resume(() -> HandshakeResult.success(USER));
      return HandshakeResult.incomplete();
    });
    chooseType150();

    viewer.send(of(42, 1)); // the answer and ClientInit (shared), in one read
    assertEquals(1, workers.pending(), "the check waits for a worker");
    assertEquals(ConnectionState.SECURITY_HANDSHAKE, connection.state(),
        "ClientInit waits for the verdict");

    holdHubThread();
    workers.runAll();
    viewer.runPendingTasks();
    assertEquals(ConnectionState.SERVER_INIT, connection.state(),
        "ClientInit was decoded without the viewer sending anything more");
    assertEquals(SessionEvent.Kind.CONNECTED, nextEvent().kind());
    SessionEvent authenticated = nextEvent();
    assertEquals(SessionEvent.Kind.AUTHENTICATED, authenticated.kind());
    assertEquals(USER.name(), authenticated.user());
    assertEquals("default", authenticated.desktop());
    ByteBuffer in = viewer.received();
    assertEquals(Rfb.SECURITY_RESULT_OK, in.getInt());
    assertFalse(in.hasRemaining(), "no ServerInit before the desktop has started");

    hubGate.countDown();
    desktop.useBackend(null); // returns once the hub ran what was queued before: the attach
    viewer.runPendingTasks();
    assertEquals(ConnectionState.NORMAL, connection.state());
    in = viewer.received();
    assertEquals(desktop.framebuffer().width(), in.getShort());
    assertEquals(desktop.framebuffer().height(), in.getShort());
    in.position(in.position() + 16); // PIXEL_FORMAT
    assertEquals(DESKTOP_NAME, reason(in));
    assertFalse(in.hasRemaining());
  }

  @Test
  void aRejectedCheckRefusesWithoutCountingAFailure() throws Exception {
    workers.refuseTasks();
    type150.answerWith((context, out) -> {
      context.resume(() -> HandshakeResult.success(USER));
      return HandshakeResult.incomplete();
    });
    chooseType150();

    viewer.send(of(42));

    ByteBuffer in = viewer.received();
    assertEquals(Rfb.SECURITY_RESULT_FAILED, in.getInt());
    String reason = reason(in);
    assertTrue(reason.contains("busy"), reason);
    assertFalse(viewer.isOpen());
    assertFalse(throttle.blocked(ADDRESS), "a full pool is not the viewer's failure");
    assertNotNull(throttle.judge(ADDRESS),
        "the judgement taken for the answer was ended, not left holding the address's one slot");
  }

  @Test
  void aVerdictAfterTheConnectionClosedCountsAFailureButSendsNothing() throws Exception {
    type150.answerWith((context, out) -> {
      context.resume(() -> HandshakeResult.failure("wrong answer (test)"));
      return HandshakeResult.incomplete();
    });
    chooseType150();
    viewer.send(of(42));
    assertFalse(viewer.received().hasRemaining(), "nothing is sent while the check runs");

    viewer.advanceTimeBy(HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    viewer.runPendingTasks();
    assertFalse(viewer.isOpen(), "the handshake timer closed the connection");
    int writesAtClose = viewer.writesAttempted();

    assertEquals(1, workers.runAll());
    viewer.runPendingTasks();
    viewer.checkException();

    assertEquals(writesAtClose, viewer.writesAttempted(), "nothing is written after the close");
    assertTrue(throttle.blocked(ADDRESS),
        "a wrong answer counts though the viewer left, or leaving would escape the throttle");
    assertTrue(viewer.allocator().unreleased().isEmpty());
  }

  @Test
  void aBlockedAddressIsRefusedBeforeTheOffer() throws Exception {
    throttle.failed(ADDRESS);
    connect();

    viewer.send(VIEWER_38);

    ByteBuffer in = viewer.received();
    skipServerVersion(in);
    assertEquals(0, in.get(), "a count of 0 security types: the failure form");
    String reason = reason(in);
    assertTrue(reason.contains("too many"), reason);
    assertFalse(in.hasRemaining());
    assertFalse(viewer.isOpen());
    assertEquals(0, type150.handshakes());
  }

  @Test
  void anAnswerIsNotJudgedWhenTheThrottleRefuses() throws Exception {
    type150.answerWith((context, out) -> HandshakeResult.success(USER)); // any answer gets in
    chooseType150();
    throttle.failed(ADDRESS); // another connection from the address failed meanwhile

    viewer.send(of(42));

    assertEquals(0, type150.answersSeen(), "the handshake never saw the answer");
    ByteBuffer in = viewer.received();
    assertEquals(Rfb.SECURITY_RESULT_FAILED, in.getInt());
    String reason = reason(in);
    assertTrue(reason.contains("too many"), reason);
    assertFalse(viewer.isOpen());
  }

  @Test
  void aVersionTheServerRefusesGetsTheFailureForm() throws Exception {
    connect();

    viewer.send("RFB 004.000\n".getBytes(US_ASCII));

    ByteBuffer in = viewer.received();
    skipServerVersion(in);
    assertEquals(0, in.get(), "a count of 0 security types: the failure form");
    assertEquals(in.remaining() - 4, in.getInt(), "the reason's length covers the rest");
    String reason = UTF_8.decode(in).toString();
    assertTrue(reason.contains("3.8"), reason);
    assertFalse(viewer.isOpen());
    assertEquals(0, type150.handshakes());
  }

  private void connect() throws Exception {
    ServerSettings settings = new ServerSettings(List.of(TYPE), SharePolicy.SHARED, DESKTOP_NAME,
        1 << 20, HANDSHAKE_TIMEOUT_MILLIS, 1 << 20, 1 << 24, 0);
    SessionRegistry sessions = new SessionRegistry();
    ServerContext server = new TestServer(settings, Map.of(TYPE, type150), Map.of(), desktop,
        sessions, null, throttle, new PreAuthLimits(), new InputBudget(() -> 1 << 30),
        new OutputBudget(sessions, () -> 1 << 30), workers, events);
    connection = new RfbConnection(server);
    viewer = ViewerChannel.connect(connection);
  }

  /** Connects as a 3.8 viewer and chooses type 150: its handshake runs, waiting for the answer. */
  private void chooseType150() throws Exception {
    connect();
    viewer.send(VIEWER_38);
    ByteBuffer in = viewer.received();
    byte[] offer = new byte[in.remaining()];
    in.get(offer);
    assertArrayEquals(concat(ProtocolVersion.SERVER_VERSION, of(1, TYPE)), offer);
    viewer.send(of(TYPE));
    assertEquals(ConnectionState.SECURITY_HANDSHAKE, connection.state());
    assertEquals(1, type150.handshakes());
  }

  /**
   * Keeps the desktop hub's thread busy until {@link #hubGate} opens. Why: the hub hands "started"
   * to the channel's event loop from its own thread, and an embedded event loop's task queue is
   * not thread-safe; held, the hub can do so only while the test waits for it.
   */
  private void holdHubThread() {
    desktop.attach(new IdleClient(), () -> {
      try {
        hubGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private static void skipServerVersion(ByteBuffer in) {
    byte[] version = new byte[ProtocolVersion.LENGTH];
    in.get(version);
    assertArrayEquals(ProtocolVersion.SERVER_VERSION, version);
  }

  /** A U32 length and that many bytes of UTF-8, as RFB sends reasons and names. */
  private static String reason(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, UTF_8);
  }

}
