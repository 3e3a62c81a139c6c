package org.plugvnc.engine.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.annotation.bundle.Capability;
import org.plugvnc.api.transport.RfbAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RfbAcceptor} service: other transports' connections, served like TCP viewers.
 * Registered by {@link RfbServer}, so the capability resolvers match is declared here.
 */
@Capability(namespace = "osgi.service", uses = RfbAcceptor.class,
    attribute = "objectClass:List<String>=org.plugvnc.api.transport.RfbAcceptor")
final class EngineAcceptor implements RfbAcceptor {

  private static final Logger LOG = LoggerFactory.getLogger(EngineAcceptor.class);

  private final RfbServer server;

  EngineAcceptor(RfbServer server) {
    this.server = server;
  }

  @Override
  public EventLoopGroup ioThreads() {
    return server.transport().ioThreads();
  }

  @Override
  public void guard(ServerChannel listener) {
    server.transport().guard(listener);
  }

  @Override
  public boolean serve(Channel channel, String desktopId, String transport) {
    Optional<ServedDesktop> desktop = server.desktop(desktopId);
    if (desktop.isEmpty()) {
      LOG.warn("plugvnc: {} connection from {} closed: no desktop {} is served", transport,
          channel.remoteAddress(), desktopId);
      channel.close();
      return false;
    }
    server.transport().serve(channel, desktop.get(), transport);
    return true;
  }

  @Override
  public Set<String> desktops() {
    Set<String> ids = new TreeSet<>();
    server.desktops().forEach(d -> ids.add(d.desktopId()));
    return Set.copyOf(ids);
  }
}
