package org.plugvnc.engine.internal;

import io.netty.util.internal.PlatformDependent;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.clipboard.ClipboardListener;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.management.SessionListener;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.desktop.BackendChoice;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.net.AuthFailureThrottle;
import org.plugvnc.engine.internal.net.InputBudget;
import org.plugvnc.engine.internal.net.NettyTransport;
import org.plugvnc.engine.internal.net.OutputBudget;
import org.plugvnc.engine.internal.net.PreAuthLimits;
import org.plugvnc.engine.internal.net.ServerContext;
import org.plugvnc.engine.internal.net.ServerSettings;
import org.plugvnc.engine.internal.net.Session;
import org.plugvnc.engine.internal.net.SessionEvents;
import org.plugvnc.engine.internal.net.SessionRegistry;
import org.plugvnc.engine.internal.net.SharedMessage;
import org.plugvnc.engine.internal.registry.RankedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFB server component: binds the listener from its configuration and serves viewers with the
 * encoders, security types, capture backends and clipboard registered as whiteboard services. Every
 * reference is dynamic: plug-ins come and go while viewers stay connected. While it runs, its
 * {@link ServerManagement} is registered as the {@link VncManagement} service.
 */
@Component(service = {}, immediate = true, configurationPid = "org.plugvnc.server",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServerConfiguration.class)
public final class RfbServer implements ServerContext, ClipboardListener {

  private static final Logger LOG = LoggerFactory.getLogger(RfbServer.class);
  /** How often viewers that do not read are shed when updates wait for room. */
  private static final long BUDGET_CHECK_MILLIS = 250;

  private final RankedServices<Integer, EncoderFactory> encoders =
      new RankedServices<>((f, p) -> f.encoding());
  private final RankedServices<Integer, SecurityTypeFactory> securityTypes =
      new RankedServices<>((f, p) -> f.type());
  private final NettyTransport transport = new NettyTransport();
  private final DesktopHub desktop = new DesktopHub();
  private final BackendChoice backend = new BackendChoice(desktop);
  private final SessionRegistry sessions = new SessionRegistry();
  /** Blocking checks (a JAAS login): bounded, so a flood of handshakes cannot make threads. */
  private final ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(256), r -> {
        Thread t = new Thread(r, "plugvnc-worker");
        t.setDaemon(true);
        return t;
      });
  private volatile ServerSettings settings;
  /** Kept across configuration changes: an edit must not lift a block. */
  private final AuthFailureThrottle authFailures = new AuthFailureThrottle(System::nanoTime);
  private final PreAuthLimits preAuthLimits = new PreAuthLimits();
  private volatile long sendBufferTotalLimit;
  private final OutputBudget outputBudget = new OutputBudget(sessions, () -> sendBufferTotalLimit);
  private volatile long cutTextTotalLimit;
  private final InputBudget inputBudget = new InputBudget(() -> cutTextTotalLimit);
  private final AtomicLong connectionIds = new AtomicLong();
  private final SessionEvents events = new SessionEvents(ServerManagement.DESKTOP);
  private final ServiceRegistration<VncManagement> management;
  private volatile Clipboard clipboard;
  private InetSocketAddress boundTo;

  /** Starts listening as configured. */
  @Activate
  public RfbServer(BundleContext context, ServerConfiguration config) throws InterruptedException {
    workers.allowCoreThreadTimeOut(true);
    apply(config);
    listen(config);
    transport.every(BUDGET_CHECK_MILLIS, outputBudget);
    management = context.registerService(VncManagement.class, new ServerManagement(this, context),
        null);
  }

  /** Applies a new configuration; rebinds only when the address changed, keeping viewers. */
  @Modified
  void modified(ServerConfiguration config) throws InterruptedException {
    apply(config);
    InetSocketAddress wanted = new InetSocketAddress(config.bindAddress(), config.port());
    if (!wanted.equals(boundTo)) {
      InetSocketAddress old = boundTo;
      listen(config);
      LOG.info("plugvnc: no longer listening on {} (viewers connected there stay)", old);
    }
  }

  private void apply(ServerConfiguration config) {
    settings = new ServerSettings(SecurityTypeNames.parse(config.securityTypes()),
        config.sharePolicy(), config.desktopName(), config.maxCutText(),
        config.handshakeTimeoutSeconds() * 1000L, config.sendBufferHighWater(),
        Math.max(config.sendBufferLimit(), 2L * config.sendBufferHighWater()),
        Math.max(0, config.maxConnections()));
    sendBufferTotalLimit = totalLimit(config.sendBufferTotalLimit());
    // One text of the largest size a viewer may send must always fit.
    cutTextTotalLimit = Math.max(config.cutTextTotalLimit(), (long) config.maxCutText());
    authFailures.configure(Math.max(0, config.blacklistThreshold()),
        Math.max(0, config.blacklistTimeoutSeconds()) * 1000L);
    preAuthLimits.configure(Math.max(0, config.maxUnauthenticatedPerAddress()),
        Math.max(0, config.maxUnauthenticated()));
    backend.configure(config.backend());
  }

  /** The configured limit, but never more than half the direct memory the JVM may use. */
  private static long totalLimit(long configured) {
    long direct = PlatformDependent.maxDirectMemory();
    return direct > 0 ? Math.min(configured, direct / 2) : configured;
  }

  private void listen(ServerConfiguration config) throws InterruptedException {
    try {
      boundTo = transport.bind(new InetSocketAddress(config.bindAddress(), config.port()), this);
    } catch (RuntimeException e) {
      LOG.error("plugvnc: cannot listen on {}:{}: {}", config.bindAddress(), config.port(), e.toString());
      if (boundTo == null) {
        transport.close();
      }
      throw e;
    }
    LOG.info("plugvnc: listening on {}:{} (security types {}, {} ms after JVM start)",
        boundTo.getHostString(), boundTo.getPort(), settings.securityTypes(),
        ManagementFactory.getRuntimeMXBean().getUptime());
  }

  /** Closes every viewer and the listener. */
  @Deactivate
  void deactivate() {
    management.unregister();
    sessions.closeAll("the server is stopping");
    transport.close();
    desktop.close();
    workers.shutdownNow();
    events.close();
    LOG.info("plugvnc: stopped listening on {}", boundTo);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addEncoder(EncoderFactory f, Map<String, Object> props) {
    encoders.add(f, props);
  }

  void removeEncoder(EncoderFactory f) {
    encoders.remove(f);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addSecurityType(SecurityTypeFactory f, Map<String, Object> props) {
    securityTypes.add(f, props);
  }

  void removeSecurityType(SecurityTypeFactory f) {
    securityTypes.remove(f);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addBackend(CaptureBackend b, Map<String, Object> props) {
    backend.add(b, props);
  }

  void removeBackend(CaptureBackend b) {
    backend.remove(b);
  }

  /** Which backend the desktop shows. */
  BackendChoice backend() {
    return backend;
  }

  /** Where the listener is bound. */
  List<InetSocketAddress> listening() {
    InetSocketAddress bound = boundTo;
    return bound == null ? List.of() : List.of(bound);
  }

  RankedServices<Integer, EncoderFactory> encoderRegistry() {
    return encoders;
  }

  RankedServices<Integer, SecurityTypeFactory> securityTypeRegistry() {
    return securityTypes;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addSessionListener(SessionListener l) {
    events.add(l);
  }

  void removeSessionListener(SessionListener l) {
    events.remove(l);
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setClipboard(Clipboard c) {
    c.addListener(this);
    clipboard = c;
  }

  void unsetClipboard(Clipboard c) {
    c.removeListener(this);
    if (clipboard == c) {
      clipboard = null;
    }
  }

  /** Encodes the text once, for every viewer (a megabyte copied per viewer would add up). */
  @Override
  public void clipboardChanged(String text, Object origin) {
    List<Session> viewers = sessions.sessions();
    if (viewers.isEmpty()) {
      return;
    }
    try (SharedMessage message = SharedMessage.serverCutText(text)) {
      for (Session s : viewers) {
        s.clipboardChanged(message, origin);
      }
    }
  }

  @Override
  public ServerSettings settings() {
    return settings;
  }

  @Override
  public Map<Integer, SecurityTypeFactory> securityTypes() {
    return securityTypes.snapshot();
  }

  @Override
  public Map<Integer, EncoderFactory> encoders() {
    return encoders.snapshot();
  }

  @Override
  public DesktopHub desktop() {
    return desktop;
  }

  @Override
  public SessionRegistry sessions() {
    return sessions;
  }

  @Override
  public Clipboard clipboard() {
    return clipboard;
  }

  @Override
  public AuthFailureThrottle authFailures() {
    return authFailures;
  }

  @Override
  public InputBudget inputBudget() {
    return inputBudget;
  }

  @Override
  public OutputBudget outputBudget() {
    return outputBudget;
  }

  @Override
  public PreAuthLimits preAuthLimits() {
    return preAuthLimits;
  }

  @Override
  public ExecutorService workers() {
    return workers;
  }

  @Override
  public long nextConnectionId() {
    return connectionIds.incrementAndGet();
  }

  @Override
  public SessionEvents events() {
    return events;
  }

}
