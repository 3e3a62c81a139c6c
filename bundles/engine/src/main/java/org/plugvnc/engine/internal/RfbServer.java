package org.plugvnc.engine.internal;

import io.netty.util.internal.PlatformDependent;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.plugvnc.api.transport.RfbAcceptor;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.engine.internal.desktop.SharedBackend;
import org.plugvnc.engine.internal.net.AuthFailureThrottle;
import org.plugvnc.engine.internal.net.InputBudget;
import org.plugvnc.engine.internal.net.NettyTransport;
import org.plugvnc.engine.internal.net.OutputBudget;
import org.plugvnc.engine.internal.net.PreAuthLimits;
import org.plugvnc.engine.internal.net.ServerSettings;
import org.plugvnc.engine.internal.net.SessionEvents;
import org.plugvnc.engine.internal.net.SessionRegistry;
import org.plugvnc.engine.internal.registry.RankedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFB server component: serves its own desktop (configuration {@code org.plugvnc.server}) and
 * every desktop configured as {@code org.plugvnc.desktop~NAME} ({@link DesktopComponent}), each
 * with the encoders, security types, capture backends and clipboard registered as whiteboard
 * services. Every reference is dynamic: plug-ins come and go while viewers stay connected. What the
 * desktops share is here: the plug-in registries, the I/O threads, the limits on memory, connections
 * and failed logins. While it runs, its {@link ServerManagement} is registered as the
 * {@link VncManagement} service.
 */
@Component(service = RfbServer.class, immediate = true, configurationPid = "org.plugvnc.server",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ServerConfiguration.class)
public final class RfbServer implements ClipboardListener {

  private static final Logger LOG = LoggerFactory.getLogger(RfbServer.class);
  /** How often viewers that do not read are shed when updates wait for room. */
  private static final long BUDGET_CHECK_MILLIS = 250;
  /** The id of the server's own desktop. */
  static final String DEFAULT_DESKTOP = "default";
  /** The longest a new connection waits for a protocol that shares the RFB port. */
  static final long MAX_SHARED_PORT_WAIT_MILLIS = 10_000;

  /** A registered backend, shared by the desktops, with its service properties. */
  private record Registered(SharedBackend shared, Map<String, ?> properties) {}

  private final RankedServices<Integer, EncoderFactory> encoders =
      new RankedServices<>((f, p) -> f.encoding());
  private final RankedServices<Integer, SecurityTypeFactory> securityTypes =
      new RankedServices<>((f, p) -> f.type());
  /** Protocols that may share the RFB port, in the order registered. */
  private final List<SharedPortProtocol> sharedPort = new CopyOnWriteArrayList<>();
  private final NettyTransport transport =
      new NettyTransport(this::maxConnections, () -> sharedPort);
  /** Every desktop's sessions. */
  private final SessionRegistry sessions = new SessionRegistry();
  /** The desktops served, by id; changed under this object's lock. */
  private final Map<String, ServedDesktop> desktops = new ConcurrentHashMap<>();
  private final Map<CaptureBackend, Registered> backends = new LinkedHashMap<>();
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
  private final SessionEvents events = new SessionEvents();
  private final ServiceRegistration<VncManagement> management;
  private final ServiceRegistration<RfbAcceptor> acceptor;
  private volatile Clipboard clipboard;

  /** Starts serving its own desktop as configured. */
  @Activate
  public RfbServer(BundleContext context, ServerConfiguration config) throws InterruptedException {
    workers.allowCoreThreadTimeOut(true);
    apply(config);
    try {
      serveOwnDesktop(config);
    } catch (RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
    transport.every(BUDGET_CHECK_MILLIS, outputBudget);
    management = context.registerService(VncManagement.class, new ServerManagement(this, context),
        null);
    acceptor = context.registerService(RfbAcceptor.class, new EngineAcceptor(this), null);
  }

  /**
   * Applies a new configuration: limits at once, its desktop's settings to new connections, a new
   * address rebound (viewers connected at the old one stay).
   */
  @Modified
  void modified(ServerConfiguration config) throws InterruptedException {
    apply(config);
    serveOwnDesktop(config);
  }

  private void apply(ServerConfiguration config) {
    settings = new ServerSettings(SecurityTypeNames.parse(config.securityTypes()),
        config.sharePolicy(), config.desktopName(), config.maxCutText(),
        config.handshakeTimeoutSeconds() * 1000L, config.sendBufferHighWater(),
        Math.max(config.sendBufferLimit(), 2L * config.sendBufferHighWater()),
        Math.max(0, config.maxConnections()),
        Math.min(Math.max(0, config.sharedPortWaitMillis()), MAX_SHARED_PORT_WAIT_MILLIS));
    sendBufferTotalLimit = totalLimit(config.sendBufferTotalLimit());
    // One text of the largest size a viewer may send must always fit.
    cutTextTotalLimit = Math.max(config.cutTextTotalLimit(), (long) config.maxCutText());
    authFailures.configure(Math.max(0, config.blacklistThreshold()),
        Math.max(0, config.blacklistTimeoutSeconds()) * 1000L);
    preAuthLimits.configure(Math.max(0, config.maxUnauthenticatedPerAddress()),
        Math.max(0, config.maxUnauthenticated()));
  }

  private void serveOwnDesktop(ServerConfiguration config) throws InterruptedException {
    if (!config.enabled()) {
      closeDesktop(DEFAULT_DESKTOP, "the server's own desktop was turned off (enabled=false)");
      return;
    }
    configureDesktop(DEFAULT_DESKTOP, new ServedDesktop.Own(
        BindAddresses.parse(config.bindAddress(), config.port()),
        SecurityTypeNames.parse(config.securityTypes()), config.sharePolicy(),
        config.desktopName(), config.backend(), passwordFile(config.passwordFile())));
  }

  /** A configured password file, or null when the key is empty. */
  static Path passwordFile(String configured) {
    return configured == null || configured.isBlank() ? null : Path.of(configured.strip());
  }

  /**
   * Opens a new desktop {@code id}; checked and opened under one lock, so two configurations
   * naming the same id at once never both serve it.
   *
   * @throws IllegalArgumentException when a desktop {@code id} is served already
   */
  synchronized void openDesktop(String id, ServedDesktop.Own own) throws InterruptedException {
    if (desktops.containsKey(id)) {
      throw new IllegalArgumentException("a desktop with id " + id + " is configured already");
    }
    configureDesktop(id, own);
  }

  /**
   * Serves desktop {@code id} with {@code own}: opens it if new, else applies the change.
   *
   * @throws InterruptedException if interrupted while binding
   * @throws RuntimeException if its address cannot be bound
   */
  synchronized void configureDesktop(String id, ServedDesktop.Own own)
      throws InterruptedException {
    ServedDesktop d = desktops.get(id);
    if (d != null) {
      d.configure(own);
      return;
    }
    ServedDesktop opened = new ServedDesktop(id, this, sessions,
        DEFAULT_DESKTOP.equals(id) ? () -> clipboard : () -> null);
    backends.values().forEach(r -> opened.addBackend(r.shared(), r.properties()));
    try {
      opened.configure(own);
    } catch (RuntimeException | InterruptedException e) {
      opened.close("it could not listen");
      throw e;
    }
    desktops.put(id, opened);
  }

  /** Stops serving desktop {@code id}, closing its viewers with {@code reason}. */
  synchronized void closeDesktop(String id, String reason) {
    ServedDesktop d = desktops.remove(id);
    if (d != null) {
      d.close(reason);
    }
  }

  private int maxConnections() {
    ServerSettings now = settings;
    return now == null ? 0 : now.maxConnections();
  }

  /** The configured limit, but never more than half the direct memory the JVM may use. */
  private static long totalLimit(long configured) {
    long direct = PlatformDependent.maxDirectMemory();
    return direct > 0 ? Math.min(configured, direct / 2) : configured;
  }

  /** Closes every desktop and viewer, and the listeners. */
  @Deactivate
  void deactivate() {
    acceptor.unregister();
    management.unregister();
    close();
  }

  private synchronized void close() {
    for (String id : List.copyOf(desktops.keySet())) {
      closeDesktop(id, "the server is stopping");
    }
    transport.close();
    workers.shutdownNow();
    events.close();
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
  synchronized void addBackend(CaptureBackend b, Map<String, Object> props) {
    Registered r = new Registered(new SharedBackend(b), Map.copyOf(props));
    backends.put(b, r);
    desktops.values().forEach(d -> d.addBackend(r.shared(), r.properties()));
  }

  synchronized void removeBackend(CaptureBackend b) {
    Registered r = backends.remove(b);
    if (r != null) {
      desktops.values().forEach(d -> d.removeBackend(r.shared()));
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addSessionListener(SessionListener l) {
    events.add(l);
  }

  void removeSessionListener(SessionListener l) {
    events.remove(l);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addSharedPortProtocol(SharedPortProtocol p) {
    sharedPort.add(p);
    LOG.info("plugvnc: {} shares the RFB ports: new connections are listened to for {} ms before"
        + " the greeting (sharedPortWaitMillis)", p,
        settings == null ? 0 : settings.sharedPortWaitMillis());
  }

  void removeSharedPortProtocol(SharedPortProtocol p) {
    sharedPort.remove(p);
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

  /** The Clipboard service's text changed: the server's own desktop shares it. */
  @Override
  public void clipboardChanged(String text, Object origin) {
    ServedDesktop own = desktops.get(DEFAULT_DESKTOP);
    if (own != null) {
      own.desktopClipboard().clipboardChanged(text, origin);
    }
  }

  /** The desktops served, the server's own first, then by id. */
  List<ServedDesktop> desktops() {
    return desktops.values().stream()
        .sorted(Comparator.comparing((ServedDesktop d) -> !DEFAULT_DESKTOP.equals(d.desktopId()))
            .thenComparing(ServedDesktop::desktopId))
        .toList();
  }

  /** Desktop {@code id}, if served. */
  Optional<ServedDesktop> desktop(String id) {
    return Optional.ofNullable(desktops.get(id));
  }

  NettyTransport transport() {
    return transport;
  }

  RankedServices<Integer, EncoderFactory> encoderRegistry() {
    return encoders;
  }

  RankedServices<Integer, SecurityTypeFactory> securityTypeRegistry() {
    return securityTypes;
  }

  /** The server's settings; a desktop's own parts are its own. */
  ServerSettings settings() {
    return settings;
  }

  Map<Integer, SecurityTypeFactory> securityTypes() {
    return securityTypes.snapshot();
  }

  Map<Integer, EncoderFactory> encoders() {
    return encoders.snapshot();
  }

  /** Every desktop's sessions. */
  SessionRegistry sessions() {
    return sessions;
  }

  AuthFailureThrottle authFailures() {
    return authFailures;
  }

  InputBudget inputBudget() {
    return inputBudget;
  }

  OutputBudget outputBudget() {
    return outputBudget;
  }

  PreAuthLimits preAuthLimits() {
    return preAuthLimits;
  }

  ExecutorService workers() {
    return workers;
  }

  long nextConnectionId() {
    return connectionIds.incrementAndGet();
  }

  SessionEvents events() {
    return events;
  }
}
