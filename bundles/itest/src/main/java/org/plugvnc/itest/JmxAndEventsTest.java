package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.PASSWORD;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;

/**
 * The JMX MBeans and the EventAdmin events, each from its own bundle, seen as a JMX client and an
 * EventAdmin handler see them; and both bundles stopped and started while a viewer stays.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class JmxAndEventsTest {

  private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private final List<RfbClient> viewers = new ArrayList<>();

  @InjectService
  ConfigurationAdmin cm;

  @InjectBundleContext
  BundleContext context;

  private ServerFixture server;
  private ServiceRegistration<EventHandler> handler;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(EventConstants.EVENT_TOPIC, "org/plugvnc/session/*");
    handler = context.registerService(EventHandler.class, events::add, props);
  }

  @AfterEach
  void stop() throws Exception {
    handler.unregister();
    for (RfbClient v : viewers) {
      v.close();
    }
  }

  private RfbClient connect() throws Exception {
    RfbClient v = server.client().password(PASSWORD).encodings(RfbNumbers.ENCODING_ZRLE).connect();
    viewers.add(v);
    v.refresh(TIMEOUT);
    return v;
  }

  private static ObjectName name(String type) throws Exception {
    return new ObjectName("org.plugvnc:type=" + type);
  }

  private CompositeData[] sessions() throws Exception {
    return (CompositeData[]) jmx.getAttribute(name("Sessions"), "Sessions");
  }

  private CompositeData sessionById(long id) throws Exception {
    return Arrays.stream(sessions()).filter(s -> id == (Long) s.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no session " + id + " over JMX"));
  }

  private Event await(Predicate<Event> what) throws InterruptedException {
    for (Event e : seen) {
      if (what.test(e)) {
        return e;
      }
    }
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      Event e = events.poll(50, TimeUnit.MILLISECONDS);
      if (e != null) {
        seen.add(e);
        if (what.test(e)) {
          return e;
        }
      }
    }
    throw new AssertionError("no such event within " + TIMEOUT + "; heard " + seen);
  }

  private static Predicate<Event> topic(String kind) {
    return e -> e.getTopic().equals("org/plugvnc/session/" + kind);
  }

  @Test
  void theMBeansShowTheServerAndDisconnectAViewer() throws Exception {
    RfbClient viewer = connect();
    CompositeData[] sessions = sessions();
    assertEquals(sessions.length, jmx.getAttribute(name("Sessions"), "Count"));
    CompositeData mine = Arrays.stream(sessions)
        .filter(s -> "ZRLE".equals(s.get("preferredEncoding"))).findFirst().orElseThrow();
    assertEquals("VncAuth", mine.get("securityType"));
    // The socket's last write completes on the server's thread a moment after the viewer read it.
    long mineId = (Long) mine.get("id");
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while ((Long) sessionById(mineId).get("bytesSent") == 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue((Long) sessionById(mineId).get("bytesSent") > 0);
    assertNotNull(mine.get("encodingsUsed"), "the rectangles per encoding, as a table");

    CompositeData desktop = ((CompositeData[]) jmx.getAttribute(name("Desktops"), "Desktops"))[0];
    assertEquals("default", desktop.get("id"));
    assertEquals("virtual", desktop.get("backend"));
    assertTrue(Arrays.asList((String[]) desktop.get("listening")).contains("127.0.0.1:" + server.port));
    CompositeData[] encoders = (CompositeData[]) jmx.getAttribute(name("Encoders"), "Encoders");
    assertTrue(Arrays.stream(encoders).anyMatch(e -> "ZRLE".equals(e.get("name"))
        && Arrays.stream((long[]) e.get("sessions")).anyMatch(id -> id == (Long) mine.get("id"))));
    CompositeData[] types = (CompositeData[]) jmx.getAttribute(name("SecurityTypes"), "SecurityTypes");
    assertTrue(Arrays.stream(types).anyMatch(t -> "VncAuth".equals(t.get("name")) && (Boolean) t.get("offered")));

    RuntimeMBeanException unknown = assertThrows(RuntimeMBeanException.class, () -> jmx.invoke(name("Desktops"),
        "setBackend", new Object[] {"default", "nosuch"}, new String[] {"java.lang.String", "java.lang.String"}));
    assertTrue(String.valueOf(unknown.getCause()).contains("nosuch"), String.valueOf(unknown.getCause()));
    Object done = jmx.invoke(name("Sessions"), "disconnect", new Object[] {mine.get("id"), "over JMX"},
        new String[] {"long", "java.lang.String"});
    assertEquals(Boolean.TRUE, done);
    assertTrue(viewer.awaitClose(TIMEOUT), "the viewer was disconnected");
    Event ended = await(topic("DISCONNECTED").and(e -> mine.get("id").equals(e.getProperty("id"))));
    assertEquals("disconnected by the operator: over JMX", ended.getProperty("reason"));
  }

  @Test
  void eventAdminHearsEachConnectionsCourseWithoutThePassword() throws Exception {
    assertThrows(RfbSecurityException.class, () -> server.client().password("n0tthis!").connect().close());
    Event failed = await(topic("AUTHENTICATION_FAILED"));
    Object id = failed.getProperty("id");
    assertTrue(id instanceof Long, "id is a Long: " + id);
    assertEquals("VncAuth", failed.getProperty("securityType"));
    assertTrue(String.valueOf(failed.getProperty("peer")).contains("127.0.0.1"));
    assertTrue(failed.getProperty(EventConstants.TIMESTAMP) instanceof Long);
    await(topic("CONNECTED").and(e -> id.equals(e.getProperty("id"))));
    await(topic("DISCONNECTED").and(e -> id.equals(e.getProperty("id"))));

    connect();
    Event ok = await(topic("AUTHENTICATED"));
    assertFalse(String.valueOf(ok.getProperty("user")).isEmpty());
    for (Event e : seen) {
      for (String p : e.getPropertyNames()) {
        String v = String.valueOf(e.getProperty(p));
        assertFalse(v.contains("n0tthis!") || v.contains(PASSWORD), p + "=" + v);
      }
    }
  }

  @Test
  void stoppingTheJmxAndEventsBundlesLeavesTheViewerAndStartingThemBringsThemBack() throws Exception {
    RfbClient viewer = connect();
    Bundle jmxBundle = bundle("org.plugvnc.jmx");
    Bundle eventsBundle = bundle("org.plugvnc.events");
    jmxBundle.stop();
    eventsBundle.stop();
    try {
      assertFalse(jmx.isRegistered(name("Sessions")), "the MBeans went with their bundle");
      viewer.refresh(TIMEOUT);
      assertFalse(viewer.isClosed());
    } finally {
      jmxBundle.start();
      eventsBundle.start();
    }
    awaitRegistered(name("Sessions"));
    viewer.refresh(TIMEOUT);
    assertTrue(sessions().length >= 1);
    events.clear();
    seen.clear();
    connect();
    await(topic("AUTHENTICATED"));
  }

  private void awaitRegistered(ObjectName n) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (!jmx.isRegistered(n) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(jmx.isRegistered(n), n + " is registered again");
  }

  private Bundle bundle(String bsn) {
    return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName()))
        .findFirst().orElseThrow(() -> new AssertionError("no bundle " + bsn));
  }
}
