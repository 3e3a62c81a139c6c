package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.HEIGHT;
import static org.plugvnc.itest.ServerFixture.PASSWORD;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;
import static org.plugvnc.itest.ServerFixture.VIEW_ONLY_PASSWORD;
import static org.plugvnc.itest.ServerFixture.WIDTH;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.EncoderInfo;
import org.plugvnc.api.management.SecurityTypeInfo;
import org.plugvnc.api.management.SessionEvent;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.SessionListener;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;

/**
 * The engine's management service, used by another bundle: what it says about real viewers
 * connected over sockets, what its operations do to them, and the session events a whiteboard
 * listener hears.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ManagementTest {

  /** Bytes a VncAuth 3.8 handshake sends before ServerInit: version, types, challenge, result. */
  private static final int HANDSHAKE_BYTES = 12 + 2 + 16 + 4;

  @InjectService
  ConfigurationAdmin cm;

  @InjectService
  VncManagement management;

  @InjectBundleContext
  BundleContext context;

  private final LinkedBlockingQueue<SessionEvent> heard = new LinkedBlockingQueue<>();
  private final List<SessionEvent> seen = new ArrayList<>();
  private final List<RfbClient> viewers = new ArrayList<>();
  private ServiceRegistration<SessionListener> listener;
  private ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of("desktopName", "managed"));
    listener = context.registerService(SessionListener.class, heard::add, null);
  }

  @AfterEach
  void stop() throws Exception {
    listener.unregister();
    for (RfbClient v : viewers) {
      v.close();
    }
  }

  /** Connects, waits for the first picture and returns the new session's id. */
  private long connect(String password, int... encodings) throws Exception {
    Set<Long> before = ids();
    RfbClient v = server.client().password(password).encodings(encodings).connect();
    viewers.add(v);
    v.refresh(TIMEOUT);
    Set<Long> added = ids();
    added.removeAll(before);
    assertEquals(1, added.size(), "one new session: " + added);
    return added.iterator().next();
  }

  private Set<Long> ids() {
    return management.sessions().stream().map(SessionInfo::id).collect(Collectors.toSet());
  }

  private SessionInfo session(long id) {
    return management.session(id).orElseThrow(() -> new AssertionError("no session " + id));
  }

  /** Waits for an event matching {@code what}; every event heard is kept in {@link #seen}. */
  private SessionEvent await(Predicate<SessionEvent> what) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    for (SessionEvent e : seen) {
      if (what.test(e)) {
        return e;
      }
    }
    while (System.nanoTime() < end) {
      SessionEvent e = heard.poll(50, TimeUnit.MILLISECONDS);
      if (e != null) {
        seen.add(e);
        if (what.test(e)) {
          return e;
        }
      }
    }
    throw new AssertionError("no such event within " + TIMEOUT + "; heard " + seen);
  }

  @Test
  void sessionsSayWhoIsConnectedHowAndWhatTheyWereSent() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    long full = connect(PASSWORD, RfbNumbers.ENCODING_ZRLE, RfbNumbers.ENCODING_RAW);
    long watcher = connect(VIEW_ONLY_PASSWORD, RfbNumbers.ENCODING_HEXTILE);
    RfbClient fullViewer = viewers.get(0);
    for (int i = 0; i < 5; i++) {
      fullViewer.refresh(TIMEOUT);
    }
    SessionInfo a = session(full);
    SessionInfo b = session(watcher);
    assertEquals("default", a.desktop());
    assertEquals(2, a.securityType());
    assertEquals("VncAuth", a.securityTypeName());
    assertFalse(a.viewOnly());
    assertTrue(b.viewOnly());
    assertTrue(a.peer().contains("127.0.0.1"), a.peer());
    assertEquals("ZRLE", a.preferredEncoding());
    assertEquals("Hextile", b.preferredEncoding());
    assertTrue(a.encodingsUsed().containsKey("ZRLE"), a.encodingsUsed().toString());
    assertFalse(a.encodingsUsed().containsKey("Hextile"), a.encodingsUsed().toString());
    assertTrue(b.encodingsUsed().containsKey("Hextile"), b.encodingsUsed().toString());
    assertTrue(a.updatesSent() >= 6, "six requests answered: " + a.updatesSent());
    // The socket's last write completes on the server's thread a moment after the viewer read it.
    long read = fullViewer.bytesReceived() - HANDSHAKE_BYTES;
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (session(full).bytesSent() != read && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(read, session(full).bytesSent(),
        "what the server says it sent from ServerInit on is what the viewer read");
    assertTrue(a.pixelFormat().startsWith("32 bpp, depth 24, true colour"), a.pixelFormat());
    assertFalse(a.connectedSince().isBefore(before), a.connectedSince().toString());
    assertFalse(a.connectedSince().isAfter(Instant.now()), a.connectedSince().toString());
  }

  @Test
  void encodersAndSecurityTypesNameTheirBundleAndTheirSessions() throws Exception {
    long zrle = connect(PASSWORD, RfbNumbers.ENCODING_ZRLE);
    long hextile = connect(PASSWORD, RfbNumbers.ENCODING_HEXTILE);
    Map<String, EncoderInfo> encoders = management.encoders().stream()
        .collect(Collectors.toMap(EncoderInfo::name, e -> e));
    assertTrue(encoders.keySet().containsAll(Set.of("Raw", "CopyRect", "RRE", "CoRRE", "Hextile",
        "Zlib", "TRLE", "ZRLE", "Tight", "TightPNG")), encoders.keySet().toString());
    assertTrue(encoders.get("ZRLE").sessions().contains(zrle));
    assertFalse(encoders.get("ZRLE").sessions().contains(hextile));
    assertTrue(encoders.get("Hextile").sessions().contains(hextile));
    assertTrue(encoders.get("ZRLE").bundle().startsWith("org.plugvnc.encoders.zlib "),
        encoders.get("ZRLE").bundle());
    assertTrue(encoders.get("Tight").lossy());
    assertFalse(encoders.get("ZRLE").lossy());

    Map<String, SecurityTypeInfo> types = management.securityTypes().stream()
        .collect(Collectors.toMap(SecurityTypeInfo::name, t -> t));
    SecurityTypeInfo vncAuth = types.get("VncAuth");
    assertTrue(vncAuth.configured() && vncAuth.offered());
    assertTrue(vncAuth.sessions().containsAll(List.of(zrle, hextile)));
    assertTrue(vncAuth.bundle().startsWith("org.plugvnc.security "), vncAuth.bundle());
    SecurityTypeInfo none = types.get("None");
    assertFalse(none.configured(), "registered but not configured");
    assertFalse(none.offered());
    assertTrue(none.sessions().isEmpty());
  }

  @Test
  void theDesktopShowsItsListenerBackendAndViewers() throws Exception {
    connect(PASSWORD, RfbNumbers.ENCODING_RAW);
    DesktopInfo d = management.desktops().get(0);
    assertEquals(1, management.desktops().size());
    assertEquals("default", d.id());
    assertEquals("managed", d.name());
    assertEquals(List.of("127.0.0.1:" + server.port), d.listening());
    assertEquals("virtual", d.backend());
    assertEquals("virtual", d.configuredBackend());
    assertTrue(d.availableBackends().contains("virtual"), d.availableBackends().toString());
    assertEquals(WIDTH, d.width());
    assertEquals(HEIGHT, d.height());
    assertEquals(management.sessions().size(), d.sessions());
  }

  @Test
  void disconnectEndsOnlyThatViewerWithTheReasonInItsEvent() throws Exception {
    long gone = connect(PASSWORD, RfbNumbers.ENCODING_RAW);
    long stays = connect(PASSWORD, RfbNumbers.ENCODING_RAW);
    assertFalse(management.disconnect(Long.MAX_VALUE, "no such session"));
    assertTrue(management.disconnect(gone, "maintenance"));
    assertTrue(viewers.get(0).awaitClose(TIMEOUT), "the viewer was disconnected");
    SessionEvent e = await(ev -> ev.id() == gone && ev.kind() == SessionEvent.Kind.DISCONNECTED);
    assertEquals("disconnected by the operator: maintenance", e.reason());
    assertTrue(management.session(gone).isEmpty());
    viewers.get(1).refresh(TIMEOUT);
    assertTrue(management.session(stays).isPresent(), "the other viewer stays");
  }

  @Test
  void eventsTellTheCourseOfEachConnectionAndNeverThePassword() throws Exception {
    String wrong = "wr0ngpw!";
    assertThrows(RfbSecurityException.class,
        () -> server.client().password(wrong).connect().close());
    SessionEvent failed = await(e -> e.kind() == SessionEvent.Kind.AUTHENTICATION_FAILED);
    SessionEvent connected = await(e -> e.kind() == SessionEvent.Kind.CONNECTED && e.id() == failed.id());
    assertEquals(connected.peer(), failed.peer());
    assertTrue(failed.peer().contains("127.0.0.1"), failed.peer());
    assertEquals("VncAuth", failed.securityType());
    assertFalse(failed.reason().isEmpty());
    SessionEvent ended = await(e -> e.kind() == SessionEvent.Kind.DISCONNECTED && e.id() == failed.id());
    assertTrue(ended.reason().startsWith("security failed"), ended.reason());

    long id = connect(PASSWORD, RfbNumbers.ENCODING_RAW);
    SessionEvent ok = await(e -> e.kind() == SessionEvent.Kind.AUTHENTICATED && e.id() == id);
    assertEquals("VncAuth", ok.securityType());
    assertFalse(ok.user().isEmpty());
    assertEquals("default", ok.desktop());
    viewers.get(0).close();
    SessionEvent closed = await(e -> e.kind() == SessionEvent.Kind.DISCONNECTED && e.id() == id);
    assertEquals("the viewer closed the connection", closed.reason());
    assertFalse(closed.time().isBefore(ok.time()));
    for (SessionEvent e : seen) {
      assertFalse(e.toString().contains(wrong) || e.toString().contains(PASSWORD), e.toString());
    }
  }

  @Test
  void setBackendSwitchesTheDesktopForConnectedViewers() throws Exception {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(CaptureBackend.PROPERTY_NAME, SlowBackend.NAME);
    ServiceRegistration<CaptureBackend> slow =
        context.registerService(CaptureBackend.class, new SlowBackend(), props);
    try {
      long id = connect(PASSWORD, RfbNumbers.ENCODING_RAW);
      RfbClient viewer = viewers.get(0);
      assertThrows(IllegalArgumentException.class, () -> management.setBackend("default", "nosuch"));
      assertThrows(IllegalArgumentException.class, () -> management.setBackend("nosuch", "virtual"));
      management.setBackend("default", SlowBackend.NAME);
      assertEquals(SlowBackend.NAME, management.desktops().get(0).backend());
      assertEquals(SlowBackend.NAME, management.desktops().get(0).configuredBackend());
      awaitPixel(viewer, SlowBackend.COLOUR);
      management.setBackend("default", "virtual");
      awaitPixel(viewer, ServerFixture.pattern(0, 0, WIDTH, HEIGHT));
      assertTrue(management.session(id).isPresent(), "the viewer stayed through both switches");
    } finally {
      slow.unregister();
    }
  }

  private static void awaitPixel(RfbClient viewer, int rgb) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      viewer.requestUpdate(true);
      viewer.poll(Duration.ofMillis(200));
      if ((viewer.pixel(0, 0) & 0xFFFFFF) == rgb) {
        return;
      }
    }
    throw new AssertionError(String.format("pixel (0,0) is %06x, not %06x", viewer.pixel(0, 0), rgb));
  }
}
