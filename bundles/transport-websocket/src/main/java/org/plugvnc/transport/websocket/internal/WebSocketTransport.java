package org.plugvnc.transport.websocket.internal;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.security.ServerCertificate;
import org.plugvnc.api.transport.RfbAcceptor;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.api.web.WebContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket transport: an HTTP/1.1 and WebSocket listener on the engine's I/O threads whose
 * WebSocket connections the engine serves as viewers of one desktop, and whose GET and HEAD
 * requests get the files of the registered {@link WebContent}. Every option applies live: a
 * change of {@code enabled}, {@code port} or {@code bindAddress} binds anew (the old listeners
 * close, connections stay), the others apply to the next connection. The server certificate and
 * the web content are followed as they come and go.
 *
 * <p>Deactivation (the bundle stops, the engine goes) closes the listeners and also this
 * transport's open connections, WebSocket viewers included: their pipelines hold this bundle's
 * handlers, which must not outlive it. Viewers on the engine's own ports are not touched.
 */
@Component(service = {}, configurationPid = WebSocketTransport.PID, immediate = true)
@Designate(ocd = WebSocketTransportConfiguration.class)
public class WebSocketTransport implements WebServices {

  /** Configuration PID. */
  static final String PID = "org.plugvnc.transport.websocket";

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

  private record Ranked(WebContent content, int ranking, long id) {}

  private static final Comparator<Ranked> HIGHEST_FIRST =
      Comparator.comparingInt(Ranked::ranking).reversed().thenComparingLong(Ranked::id);

  private final RfbAcceptor acceptor;
  private final BundleContext context;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<Ranked> contentServices = new ArrayList<>();
  private volatile List<WebContent> content = List.of();
  private volatile WebTls tls;
  private volatile ServerCertificate certificate;
  private volatile WebSettings settings;
  private WebListeners listeners = WebListeners.none();
  private ServiceRegistration<SharedPortProtocol> sharedPort;
  private final HttpPeers httpPeers = new HttpPeers(0);

  /** Activated by DS once the engine's {@link RfbAcceptor} is there. */
  @Activate
  public WebSocketTransport(@Reference RfbAcceptor acceptor, BundleContext context,
      WebSocketTransportConfiguration config) {
    this.acceptor = acceptor;
    this.context = context;
    apply(config);
  }

  @Modified
  synchronized void modified(WebSocketTransportConfiguration config) {
    apply(config);
  }

  @Deactivate
  synchronized void deactivate() {
    listeners.close();
    listeners = WebListeners.none();
    share(false);
    connections.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindCertificate(ServerCertificate certificate) {
    this.certificate = certificate;
    try {
      tls = WebTls.of(certificate);
      LOG.info("WebSocket transport: https and wss with the server certificate {}", certificate.fingerprint());
    } catch (GeneralSecurityException | RuntimeException e) {
      tls = null;
      LOG.error("WebSocket transport: the server certificate cannot be used, no https: {}", e.toString());
    }
  }

  void unbindCertificate(ServerCertificate certificate) {
    // DS binds a replacement before it unbinds the one replaced: only the one in use counts
    if (this.certificate == certificate) {
      this.certificate = null;
      tls = null;
      LOG.info("WebSocket transport: no server certificate, no https and wss for new connections");
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindContent(WebContent c, Map<String, Object> props) {
    synchronized (contentServices) {
      contentServices.add(new Ranked(c, ranking(props), (Long) props.get(Constants.SERVICE_ID)));
      snapshot();
    }
  }

  void unbindContent(WebContent c, Map<String, Object> props) {
    synchronized (contentServices) {
      contentServices.removeIf(r -> r.content() == c);
      snapshot();
    }
  }

  void updatedContent(WebContent c, Map<String, Object> props) {
    synchronized (contentServices) {
      contentServices.removeIf(r -> r.content() == c);
      contentServices.add(new Ranked(c, ranking(props), (Long) props.get(Constants.SERVICE_ID)));
      snapshot();
    }
  }

  @Override
  public RfbAcceptor acceptor() {
    return acceptor;
  }

  @Override
  public WebTls tls() {
    return tls;
  }

  @Override
  public List<WebContent> content() {
    return content;
  }

  @Override
  public HttpPeers httpPeers() {
    return httpPeers;
  }

  /** The addresses listened on now, for tests. */
  synchronized List<InetSocketAddress> listening() {
    return listeners.addresses();
  }

  private void apply(WebSocketTransportConfiguration config) {
    WebSettings old = settings;
    WebSettings next = SettingsParser.parse(config);
    httpPeers.limit(Math.max(0, config.maxHttpConnectionsPerAddress()));
    settings = next;
    boolean enabled = config.enabled() && next != null;
    boolean rebind = old == null || !enabled || listeners.addresses().isEmpty()
        || !old.addresses().equals(next.addresses()) || old.port() != next.port();
    if (rebind) {
      listeners.close();
      listeners = enabled ? WebListeners.bind(acceptor, next, this::adopt) : WebListeners.none();
      if (!enabled) {
        LOG.info("WebSocket transport disabled: no listener");
      }
    }
    share(config.shareRfbPort() && next != null);
  }

  /** Sets up a connection accepted by a listener. */
  private void adopt(Channel ch) {
    adopt(ch, null);
  }

  /** Sets up a connection; {@code desktopId} null: the configured desktop. */
  private void adopt(Channel ch, String desktopId) {
    WebSettings s = settings;
    if (s == null) {
      ch.close();
      return;
    }
    connections.add(ch);
    WebPipeline.init(ch, desktopId == null ? s : s.forDesktop(desktopId), this);
  }

  private void share(boolean on) {
    if (on && sharedPort == null) {
      SharedPort protocol = new SharedPort(
          () -> tls != null && settings != null && settings.tls() != TlsMode.OFF, this::adopt);
      sharedPort = context.registerService(SharedPortProtocol.class, protocol, null);
      LOG.info("WebSocket transport: HTTP, WebSocket and TLS are served on the RFB ports too");
    } else if (!on && sharedPort != null) {
      try {
        sharedPort.unregister();
      } catch (IllegalStateException e) {
        // already gone with the bundle
      }
      sharedPort = null;
    }
  }

  private void snapshot() {
    List<Ranked> sorted = new ArrayList<>(contentServices);
    sorted.sort(HIGHEST_FIRST);
    content = sorted.stream().map(Ranked::content).toList();
  }

  private static int ranking(Map<String, Object> props) {
    Object r = props.get(Constants.SERVICE_RANKING);
    return r instanceof Integer i ? i : 0;
  }
}
