package org.plugvnc.transport.reverse.internal;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.api.transport.RfbAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reverse-connection transport: keeps the configured listening viewers connected ({@link
 * ConfiguredViewer}) and connects to others once on request ({@link #connect}). Channels run on
 * the engine's I/O threads and are served through {@link RfbAcceptor#serve} as transport {@value
 * Dialer#TRANSPORT}.
 *
 * <p>A configuration change is applied in place ({@code @Modified}) rather than by a restart, so
 * that a viewer that stays configured keeps its connection and is not dialled a second time; a
 * viewer taken out of the list is no longer retried, and its live session stays.
 */
// immediate: it must dial the configured viewers even when no bundle asks for the service
@Component(service = ReverseConnections.class, configurationPid = ReverseConnector.PID,
    immediate = true)
@Designate(ocd = ReverseConfiguration.class)
public final class ReverseConnector implements ReverseConnections {

  static final String PID = "org.plugvnc.transport.reverse";

  private static final Logger LOG = LoggerFactory.getLogger(ReverseConnector.class);

  private final RfbAcceptor acceptor;
  private final ExecutorService resolver;
  private final Dialer dialer;
  /** Guarded by this: the configured viewers in configuration order. */
  private final Map<ViewerAddress, ConfiguredViewer> configured = new LinkedHashMap<>();
  /** One-shot connections that are in progress or up, oldest first. */
  private final List<Target> oneShots = new CopyOnWriteArrayList<>();
  private boolean stopped;
  private volatile Settings settings;

  /** Starts connecting to the configured viewers. */
  @Activate
  public ReverseConnector(@Reference RfbAcceptor acceptor, ReverseConfiguration config) {
    this(acceptor, config.viewers(), Settings.of(config));
  }

  ReverseConnector(RfbAcceptor acceptor, String viewers, Settings settings) {
    this.acceptor = acceptor;
    AtomicInteger threads = new AtomicInteger();
    this.resolver = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "plugvnc-reverse-resolver-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.dialer = new Dialer(acceptor, resolver);
    apply(viewers, settings);
  }

  @Modified
  void modified(ReverseConfiguration config) {
    apply(config.viewers(), Settings.of(config));
  }

  synchronized void apply(String viewers, Settings settings) {
    if (stopped) {
      return;
    }
    this.settings = settings;
    List<String> problems = new ArrayList<>();
    List<ViewerAddress> wanted = ViewerAddress.parseList(viewers, problems);
    problems.forEach(p -> LOG.warn("Reverse connections ({}): viewer left out: {}", PID, p));
    configured.entrySet().removeIf(e -> {
      if (wanted.contains(e.getKey())) {
        return false;
      }
      e.getValue().stop();
      LOG.info("Viewer {} is no longer configured: not connected again (a live session stays)",
          e.getKey());
      return true;
    });
    Map<ViewerAddress, ConfiguredViewer> ordered = new LinkedHashMap<>();
    for (ViewerAddress address : wanted) {
      ConfiguredViewer viewer = configured.get(address);
      if (viewer == null) {
        viewer = new ConfiguredViewer(address, nextLoop(), dialer, settings);
        LOG.info("Connecting to listening viewer {} (desktop '{}')", address, settings.desktop());
        viewer.start();
      } else {
        viewer.update(settings);
      }
      ordered.put(address, viewer);
    }
    configured.clear();
    configured.putAll(ordered);
  }

  @Override
  public CompletionStage<Target> connect(String host, int port, String desktop) {
    ViewerAddress address;
    try {
      address = new ViewerAddress(host == null ? "" : host.trim(), port);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    String shown = desktop == null || desktop.isBlank() ? RfbAcceptor.DEFAULT_DESKTOP : desktop.trim();
    Target connecting = new Target(address.host(), address.port(), shown, false, "connecting", "");
    oneShots.add(connecting);
    LOG.info("Connecting once to listening viewer {} (desktop '{}')", address, shown);
    return dialer.dial(nextLoop(), address, shown, settings.connectTimeoutMillis())
        .handle((ch, error) -> {
          oneShots.remove(connecting);
          if (error != null) {
            Throwable reason = error.getCause() == null ? error : error.getCause();
            LOG.warn("Reverse connection to viewer {} failed: {}", address, reason.getMessage());
            throw new CompletionException(reason);
          }
          Target up = new Target(address.host(), address.port(), shown, false, "connected", "");
          oneShots.add(up);
          LOG.info("Reverse connection to viewer {} is up, desktop '{}' (the viewer authenticates"
              + " now)", address, shown);
          ch.closeFuture().addListener(f -> {
            oneShots.remove(up);
            LOG.info("Reverse connection to viewer {} (asked for once) ended", address);
          });
          return up;
        });
  }

  @Override
  public List<Target> targets() {
    List<Target> all = new ArrayList<>();
    synchronized (this) {
      configured.values().forEach(v -> all.add(v.target()));
    }
    all.addAll(oneShots);
    return List.copyOf(all);
  }

  /** Ends every retry; sessions that are up stay until the engine or the viewer ends them. */
  @Deactivate
  synchronized void deactivate() {
    stopped = true;
    configured.values().forEach(ConfiguredViewer::stop);
    configured.clear();
    resolver.shutdownNow();
  }

  private EventLoop nextLoop() {
    return acceptor.ioThreads().next();
  }
}
