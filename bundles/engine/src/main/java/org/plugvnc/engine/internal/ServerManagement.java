package org.plugvnc.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.EncoderInfo;
import org.plugvnc.api.management.SecurityTypeInfo;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.net.AddressText;
import org.plugvnc.engine.internal.net.ConnectionRecord;
import org.plugvnc.engine.internal.net.Session;
import org.plugvnc.engine.internal.registry.RankedServices;

/**
 * The server as the management service shows it: snapshots built from the session registry, the
 * plug-in registries and each connection's {@link ConnectionRecord}. Any thread; nothing here
 * touches a session's I/O state. Registered by {@link RfbServer} rather than by DS (its methods'
 * names are the server context's), so the capability that resolvers match is declared here.
 */
@Capability(namespace = "osgi.service", uses = VncManagement.class,
    attribute = "objectClass:List<String>=org.plugvnc.api.management.VncManagement")
final class ServerManagement implements VncManagement {

  private final RfbServer server;
  private final BundleContext context;

  ServerManagement(RfbServer server, BundleContext context) {
    this.server = server;
    this.context = context;
  }

  @Override
  public List<DesktopInfo> desktops() {
    return server.desktops().stream().map(ServerManagement::info).toList();
  }

  private static DesktopInfo info(ServedDesktop d) {
    Framebuffer fb = d.desktop().framebuffer();
    List<String> listening = d.listening().stream()
        .map(AddressText::hostAndPort).toList();
    return new DesktopInfo(d.desktopId(), d.settings().desktopName(), listening,
        d.backend().shown(), d.backend().wanted(), d.backend().names(),
        fb.width(), fb.height(), d.sessions().sessions().size());
  }

  @Override
  public List<SessionInfo> sessions() {
    long now = System.nanoTime();
    return server.sessions().sessions().stream().map(s -> info(s, now)).toList();
  }

  @Override
  public Optional<SessionInfo> session(long id) {
    return find(id).map(s -> info(s, System.nanoTime()));
  }

  private Optional<Session> find(long id) {
    return server.sessions().sessions().stream().filter(s -> s.record().id() == id).findFirst();
  }

  @Override
  public boolean disconnect(long id, String reason) {
    Optional<Session> s = find(id);
    s.ifPresent(session -> session.close("disconnected by the operator"
        + (reason == null || reason.isBlank() ? "" : ": " + reason)));
    return s.isPresent();
  }

  private SessionInfo info(Session s, long now) {
    ConnectionRecord r = s.record();
    Identity who = r.identity();
    Map<String, Long> used = new LinkedHashMap<>();
    r.rectsPerEncoding().forEach((e, n) -> used.merge(Rfb.encodingName(e), n, Long::sum));
    return new SessionInfo(r.id(), r.desktop(), r.peer(), who == null ? "" : who.name(),
        who != null && who.viewOnly(), r.securityType(), Rfb.securityTypeName(r.securityType()),
        Rfb.encodingName(preferred(r.encodingsListed())), used, describe(r.pixelFormat()),
        s.bytesSent(), r.updatesSent(), r.updatesPerSecond(now), r.connectedSince());
  }

  /** The first listed encoding an encoder is registered for; Raw, which every viewer takes, else. */
  private int preferred(List<Integer> listed) {
    Map<Integer, EncoderFactory> registered = server.encoders();
    for (int e : listed) {
      if (registered.containsKey(e) && e != Rfb.ENCODING_COPY_RECT) {
        return e;
      }
    }
    return Rfb.ENCODING_RAW;
  }

  @Override
  public List<EncoderInfo> encoders() {
    List<Session> sessions = server.sessions().sessions();
    List<EncoderInfo> out = new ArrayList<>();
    server.encoders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      List<Long> using = sessions.stream().map(Session::record)
          .filter(r -> r.used(e.getKey())).map(ConnectionRecord::id)
          .toList();
      out.add(new EncoderInfo(e.getKey(), Rfb.encodingName(e.getKey()),
          bundle(server.encoderRegistry(), e.getValue()), e.getValue().lossy(), using));
    });
    return out;
  }

  @Override
  public List<SecurityTypeInfo> securityTypes() {
    Map<Integer, SecurityTypeFactory> registered = server.securityTypes();
    List<Integer> configured = server.desktops().stream()
        .flatMap(d -> d.settings().securityTypes().stream()).distinct().toList();
    List<Integer> types = new ArrayList<>(configured);
    registered.keySet().stream().sorted().filter(t -> !types.contains(t)).forEach(types::add);
    List<Session> sessions = server.sessions().sessions();
    List<SecurityTypeInfo> out = new ArrayList<>();
    for (int t : types) {
      SecurityTypeFactory f = registered.get(t);
      List<Long> using = sessions.stream().map(Session::record).filter(r -> r.securityType() == t)
          .map(ConnectionRecord::id).toList();
      out.add(new SecurityTypeInfo(t, Rfb.securityTypeName(t),
          f == null ? "" : bundle(server.securityTypeRegistry(), f), configured.contains(t),
          f != null && configured.contains(t), using));
    }
    return out;
  }

  @Override
  public void setBackend(String desktop, String backend) {
    ServedDesktop d = server.desktop(desktop).orElseThrow(() -> new IllegalArgumentException(
        "No desktop " + desktop + " (there are: " + String.join(", ",
            server.desktops().stream().map(ServedDesktop::desktopId).toList()) + ")"));
    List<String> names = d.backend().names();
    if (!names.contains(backend)) {
      throw new IllegalArgumentException("No backend " + backend + " is registered (there are: "
          + String.join(", ", names) + ")");
    }
    d.backend().override(backend);
  }

  private <S> String bundle(RankedServices<?, S> registry, S service) {
    Bundle b = context.getBundle(registry.bundleId(service));
    return b == null ? "" : b.getSymbolicName() + " " + b.getVersion();
  }

  /** A pixel format the way people say it: "32 bpp, depth 24, true colour rgb888 LE". */
  static String describe(PixelFormat f) {
    StringBuilder s = new StringBuilder()
        .append(f.bitsPerPixel()).append(" bpp, depth ").append(f.depth());
    if (f.trueColour()) {
      s.append(", true colour r").append(bits(f.redMax())).append('<').append(f.redShift())
          .append(" g").append(bits(f.greenMax())).append('<').append(f.greenShift())
          .append(" b").append(bits(f.blueMax())).append('<').append(f.blueShift());
    } else {
      s.append(", colour map");
    }
    return s.append(f.bitsPerPixel() > 8 ? (f.bigEndian() ? " BE" : " LE") : "").toString();
  }

  private static int bits(int max) {
    return Integer.SIZE - Integer.numberOfLeadingZeros(max);
  }
}
