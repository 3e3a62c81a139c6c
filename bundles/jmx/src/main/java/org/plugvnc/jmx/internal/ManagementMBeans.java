package org.plugvnc.jmx.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.plugvnc.api.management.VncManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the four plugvnc MXBeans while the management service is there: in the MBeanServer
 * registered as a service (Karaf's, which its JMX connector and jconsole show), or, without one
 * (the embedded Felix), the JVM's platform MBeanServer. They go away with the engine and come back
 * with it.
 */
@Component(immediate = true, service = {})
public final class ManagementMBeans {

  /** The MBeans' domain. */
  static final String DOMAIN = "org.plugvnc";

  private static final Logger LOG = LoggerFactory.getLogger(ManagementMBeans.class);

  private final MBeanServer server;
  private final List<ObjectName> registered = new ArrayList<>();

  /** Registers the MBeans over {@code management} in {@code mbeanServer}, or the platform's. */
  @Activate
  public ManagementMBeans(@Reference VncManagement management,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL,
          policyOption = ReferencePolicyOption.GREEDY) MBeanServer mbeanServer)
      throws JMException {
    this.server = mbeanServer != null ? mbeanServer : ManagementFactory.getPlatformMBeanServer();
    try {
      register("Sessions", SessionsMXBean.class, new Sessions(management));
      register("Desktops", DesktopsMXBean.class, new Desktops(management));
      register("Encoders", EncodersMXBean.class, new Encoders(management));
      register("SecurityTypes", SecurityTypesMXBean.class, new SecurityTypes(management));
    } catch (JMException | RuntimeException e) {
      deactivate();
      throw e;
    }
    LOG.info("plugvnc: MBeans registered under {}:type=...", DOMAIN);
  }

  private <T> void register(String type, Class<T> mxbean, T impl) throws JMException {
    ObjectName name = name(type);
    server.registerMBean(new StandardMBean(impl, mxbean, true), name);
    registered.add(name);
  }

  static ObjectName name(String type) throws JMException {
    return new ObjectName(DOMAIN + ":type=" + type);
  }

  /** Unregisters what it registered. */
  @Deactivate
  void deactivate() {
    for (ObjectName name : registered) {
      try {
        server.unregisterMBean(name);
      } catch (JMException e) {
        LOG.warn("plugvnc: could not unregister {}: {}", name, e.toString());
      }
    }
    registered.clear();
  }

  private record Sessions(VncManagement m) implements SessionsMXBean {
    @Override
    public SessionView[] getSessions() {
      return m.sessions().stream().map(SessionView::new).toArray(SessionView[]::new);
    }

    @Override
    public int getCount() {
      return m.sessions().size();
    }

    @Override
    public boolean disconnect(long id, String reason) {
      return m.disconnect(id, reason);
    }
  }

  private record Desktops(VncManagement m) implements DesktopsMXBean {
    @Override
    public DesktopView[] getDesktops() {
      return m.desktops().stream().map(DesktopView::new).toArray(DesktopView[]::new);
    }

    @Override
    public void setBackend(String desktop, String backend) {
      m.setBackend(desktop, backend);
    }
  }

  private record Encoders(VncManagement m) implements EncodersMXBean {
    @Override
    public EncoderView[] getEncoders() {
      return m.encoders().stream().map(EncoderView::new).toArray(EncoderView[]::new);
    }
  }

  private record SecurityTypes(VncManagement m) implements SecurityTypesMXBean {
    @Override
    public SecurityTypeView[] getSecurityTypes() {
      return m.securityTypes().stream().map(SecurityTypeView::new).toArray(SecurityTypeView[]::new);
    }
  }
}
