package org.plugvnc.interop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server's management view of its sessions ({@code org.plugvnc:type=Sessions}, bundle
 * plugvnc-jmx), read over the JVM's own JMX agent: which encodings the server really used for
 * each viewer. Start the server with {@link #jvmArguments}.
 */
final class JmxSessions implements AutoCloseable {

  private static final ObjectName SESSIONS = name("org.plugvnc:type=Sessions");

  /** One session as the management view shows it. */
  record Session(long id, String peer, String securityType, Map<String, Long> encodingsUsed) {}

  private final JMXConnector connector;
  private final MBeanServerConnection server;

  private JmxSessions(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
  }

  /** The properties that open an unauthenticated agent on 127.0.0.1:{@code port}, for tests only. */
  static List<String> jvmArguments(int port) {
    return List.of("-Dcom.sun.management.jmxremote.port=" + port,
        "-Dcom.sun.management.jmxremote.rmi.port=" + port,
        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false");
  }

  static JmxSessions connect(int port) throws IOException {
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    return new JmxSessions(JMXConnectorFactory.connect(url));
  }

  /** The sessions now, oldest first. */
  List<Session> sessions() throws IOException {
    try {
      CompositeData[] rows = (CompositeData[]) server.getAttribute(SESSIONS, "Sessions");
      List<Session> out = new ArrayList<>();
      for (CompositeData row : rows) {
        Map<String, Long> used = new LinkedHashMap<>();
        for (Object entry : ((TabularData) row.get("encodingsUsed")).values()) {
          CompositeData e = (CompositeData) entry;
          used.put((String) e.get("key"), (Long) e.get("value"));
        }
        out.add(new Session((Long) row.get("id"), (String) row.get("peer"),
            (String) row.get("securityType"), used));
      }
      return out;
    } catch (JMException e) {
      throw new IOException("cannot read " + SESSIONS, e);
    }
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (JMException e) {
      throw new IllegalArgumentException(name, e);
    }
  }
}
