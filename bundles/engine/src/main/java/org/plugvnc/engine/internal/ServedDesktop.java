package org.plugvnc.engine.internal;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.desktop.BackendChoice;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.desktop.SharedBackend;
import org.plugvnc.engine.internal.net.AddressText;
import org.plugvnc.engine.internal.net.AuthFailureThrottle;
import org.plugvnc.engine.internal.net.InputBudget;
import org.plugvnc.engine.internal.net.OutputBudget;
import org.plugvnc.engine.internal.net.PreAuthLimits;
import org.plugvnc.engine.internal.net.ServerContext;
import org.plugvnc.engine.internal.net.ServerSettings;
import org.plugvnc.engine.internal.net.Session;
import org.plugvnc.engine.internal.net.SessionEvents;
import org.plugvnc.engine.internal.net.SessionRegistry;
import org.plugvnc.engine.internal.net.SharedMessage;
import org.plugvnc.engine.internal.net.SharePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop the server serves: its listener, the backend it shows, its viewers, its clipboard and
 * the settings that are its own (security types, share policy, name, password file). What all
 * desktops share (plug-ins, limits, threads) it takes from the {@link RfbServer}. A desktop's
 * viewers see and control only it, and a change of its configuration touches only them.
 */
final class ServedDesktop implements ServerContext {

  private static final Logger LOG = LoggerFactory.getLogger(ServedDesktop.class);

  /**
   * What a desktop's configuration sets.
   *
   * @param addresses where it listens (one or more)
   * @param passwordFile the VNC password file, or null for the password store's
   */
  record Own(List<InetSocketAddress> addresses, List<Integer> securityTypes, SharePolicy sharePolicy,
      String desktopName, String backend, Path passwordFile) {}

  /** Settings composed from the server's and this desktop's, kept while neither changes. */
  private record Composed(ServerSettings server, Own own, ServerSettings settings) {}

  private final String id;
  private final RfbServer server;
  private final DesktopHub hub = new DesktopHub();
  private final BackendChoice backend = new BackendChoice(hub);
  /** This desktop's view of each shared backend, so that it removes the one it added. */
  private final Map<SharedBackend, CaptureBackend> views = new ConcurrentHashMap<>();
  private final SessionRegistry sessions;
  private final DesktopClipboard clipboard;
  private volatile Own own;
  private volatile Composed composed;
  private volatile List<InetSocketAddress> boundTo = List.of();

  /**
   * @param clipboardService the Clipboard service this desktop shares (the server's own desktop),
   *     or a supplier of null
   */
  ServedDesktop(String id, RfbServer server, SessionRegistry all,
      Supplier<Clipboard> clipboardService) {
    this.id = id;
    this.server = server;
    this.sessions = new SessionRegistry(all);
    this.clipboard = new DesktopClipboard(clipboardService, this::sendClipboard,
        hub::clipboardFromViewer);
    hub.clipboardSink(clipboard::fromBackend);
  }

  /**
   * Applies the desktop's own configuration: new connections get it; a new address is bound
   * (viewers connected at the old one stay) and the old one closed.
   *
   * @throws InterruptedException if interrupted while binding
   * @throws RuntimeException if no address can be bound (the old ones, if any, stay)
   */
  void configure(Own next) throws InterruptedException {
    Own previous = own;
    own = next;
    if (previous == null || !previous.securityTypes().equals(next.securityTypes())) {
      SecurityTypeNames.warnAboutWeakTypes(id, next.securityTypes());
    }
    backend.configure(next.backend());
    if (previous == null || !next.addresses().equals(previous.addresses())) {
      List<InetSocketAddress> before = boundTo;
      boundTo = server.transport().bind(id, next.addresses(), this);
      for (InetSocketAddress bound : boundTo) {
        if (!before.contains(bound)) {
          LOG.info("plugvnc: listening on {} (desktop {}, security types {}, backend {}, {} ms"
              + " after JVM start)", AddressText.hostAndPort(bound), id, next.securityTypes(),
              next.backend(), ManagementFactory.getRuntimeMXBean().getUptime());
        }
      }
      for (InetSocketAddress old : before) {
        if (!boundTo.contains(old)) {
          LOG.info("plugvnc: no longer listening on {} (desktop {}; viewers connected there"
              + " stay)", AddressText.hostAndPort(old), id);
        }
      }
    }
  }

  /** Stops listening, closes this desktop's viewers with {@code reason} and stops its backend. */
  void close(String reason) {
    server.transport().unbind(id);
    sessions.closeAll(reason);
    server.transport().closeDesktop(id, reason);
    hub.close();
    LOG.info("plugvnc: stopped listening on {} (desktop {}: {})", boundTo, id, reason);
  }

  void addBackend(SharedBackend b, Map<String, ?> properties) {
    CaptureBackend view = views.computeIfAbsent(b, SharedBackend::view);
    backend.add(view, properties);
  }

  void removeBackend(SharedBackend b) {
    CaptureBackend view = views.remove(b);
    if (view != null) {
      backend.remove(view);
    }
  }

  /** Encodes the text once, for every viewer of this desktop but its origin. */
  private void sendClipboard(String text, Object origin) {
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

  /** The Clipboard service's listener for this desktop. */
  DesktopClipboard desktopClipboard() {
    return clipboard;
  }

  BackendChoice backend() {
    return backend;
  }

  /** Where it listens, or nothing. */
  List<InetSocketAddress> listening() {
    return boundTo;
  }

  @Override
  public String desktopId() {
    return id;
  }

  @Override
  public Path passwordFile() {
    return own.passwordFile();
  }

  @Override
  public ServerSettings settings() {
    ServerSettings shared = server.settings();
    Own mine = own;
    Composed c = composed;
    if (c == null || c.server() != shared || c.own() != mine) {
      c = new Composed(shared, mine, new ServerSettings(mine.securityTypes(), mine.sharePolicy(),
          mine.desktopName(), shared.maxCutText(), shared.handshakeTimeoutMillis(),
          shared.sendBufferHighWater(), shared.sendBufferLimit(), shared.maxConnections(),
          shared.sharedPortWaitMillis()));
      composed = c;
    }
    return c.settings();
  }

  @Override
  public Map<Integer, SecurityTypeFactory> securityTypes() {
    return server.securityTypes();
  }

  @Override
  public Map<Integer, EncoderFactory> encoders() {
    return server.encoders();
  }

  @Override
  public DesktopHub desktop() {
    return hub;
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
    return server.authFailures();
  }

  @Override
  public InputBudget inputBudget() {
    return server.inputBudget();
  }

  @Override
  public OutputBudget outputBudget() {
    return server.outputBudget();
  }

  @Override
  public PreAuthLimits preAuthLimits() {
    return server.preAuthLimits();
  }

  @Override
  public ExecutorService workers() {
    return server.workers();
  }

  @Override
  public long nextConnectionId() {
    return server.nextConnectionId();
  }

  @Override
  public SessionEvents events() {
    return server.events();
  }
}
