package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;

/**
 * View-only rights hold whatever the security type that gave them: a view-only VNC password, a
 * view-only user of the users file and a JAAS user with only the view-only role, over VeNCrypt and
 * RSA-AES. Their keys, pointer and clipboard never reach the desktop (a recording backend), while
 * those of a full-access viewer of the same type do.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ViewOnlyRightsTest {

  private static final String BACKEND = "itest-rights";

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  private final SolidBackend desktop = new SolidBackend(0x336699, 160, 96);
  private ServiceRegistration<CaptureBackend> registration;
  private SecurityFixture security;
  private ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(CaptureBackend.PROPERTY_NAME, BACKEND);
    props.put("service.ranking", -100);
    registration = context.registerService(CaptureBackend.class, desktop, props);
    security.users("viewer", "view-only", "viewer-pw1", "owner", "full", "owner-pw1");
    server = ServerFixture.start(cm, "VeNCrypt,RA2",
        Map.of("blacklistThreshold", 0, "backend", BACKEND, "sharePolicy", "SHARED"));
  }

  @AfterEach
  void restore() throws Exception {
    registration.unregister();
    security.removeJaas();
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"VNC password over X509Vnc", "VNC password over RA2",
      "users file over X509Plain", "users file over RA2", "JAAS role over RA2",
      "JAAS role over X509Plain"})
  void aViewOnlyViewersInputNeverReachesTheDesktop(String how) throws Exception {
    boolean vencrypt = how.contains("X509");
    if (how.startsWith("users") || how.startsWith("JAAS")) {
      security.configure(SecurityFixture.RSAAES_PID, Map.of("credentials", "users"), RfbNumbers.SECURITY_RA2);
    }
    if (how.startsWith("JAAS")) {
      security.jaas(Map.of("watcher", "watch-pw1,vnc-viewer", "boss", "boss-pw1,admin"));
    }
    String[] watcher;
    String[] full;
    if (how.startsWith("VNC")) {
      watcher = new String[] {null, ServerFixture.VIEW_ONLY_PASSWORD};
      full = new String[] {null, ServerFixture.PASSWORD};
    } else if (how.startsWith("users")) {
      watcher = new String[] {"viewer", "viewer-pw1"};
      full = new String[] {"owner", "owner-pw1"};
    } else {
      watcher = new String[] {"watcher", "watch-pw1"};
      full = new String[] {"boss", "boss-pw1"};
    }
    int subtype = how.startsWith("VNC") ? RfbNumbers.VENCRYPT_X509_VNC : RfbNumbers.VENCRYPT_X509_PLAIN;
    try (RfbClient ro = viewer(vencrypt, subtype, watcher).connect();
        RfbClient rw = viewer(vencrypt, subtype, full).connect()) {
      ro.refresh(TIMEOUT);
      assertArrayEquals(desktop.picture(), ro.pixels(), "a view-only viewer sees the desktop");
      ro.keyEvent(true, 'v');
      ro.keyEvent(false, 'v');
      ro.pointerEvent(1, 7, 7);
      ro.pointerEvent(0, 8, 8);
      ro.clientCutText("from the watcher");
      ro.refresh(TIMEOUT); // handled in order: its input has been dealt with when this answers

      rw.typeKey('f');
      rw.pointerEvent(1, 20, 21);
      rw.pointerEvent(0, 22, 23);
      rw.clientCutText("from the owner");
      await(() -> desktop.keysyms.contains((int) 'f'), "the full viewer's key");
      await(() -> desktop.pointer.contains(new PointerEvent(0, 22, 23)), "the full viewer's pointer");
      await(() -> desktop.clipboard.contains("from the owner"), "the full viewer's clipboard");

      assertFalse(desktop.keysyms.contains((int) 'v'), "a view-only key reached the desktop");
      assertFalse(desktop.pointer.stream().anyMatch(p -> p.x() == 7 || p.x() == 8),
          "a view-only pointer event reached the desktop: " + desktop.pointer);
      assertFalse(desktop.clipboard.contains("from the watcher"), "view-only clipboard reached it");
      ro.refresh(TIMEOUT);
      assertArrayEquals(desktop.picture(), ro.pixels(), "and the view-only viewer still watches");
    }
  }

  private RfbClientBuilder viewer(boolean vencrypt, int subtype, String[] credentials) {
    RfbClientBuilder b = server.client().shared(true).encodings(RfbNumbers.ENCODING_RAW)
        .password(credentials[1]);
    if (credentials[0] != null) {
      b.username(credentials[0]);
    }
    return vencrypt
        ? b.securityType(RfbNumbers.SECURITY_VENCRYPT).veNCryptSubtypes(subtype)
            .trustCertificates(security.certificate())
        : b.securityType(RfbNumbers.SECURITY_RA2);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail(what + " did not reach the desktop within " + TIMEOUT);
      }
      Thread.sleep(10);
    }
  }
}
