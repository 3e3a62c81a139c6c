package org.plugvnc.transport.unix.internal;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioChannelOption;
import java.lang.reflect.Method;
import java.net.SocketOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

/**
 * The user at the other end of a Unix domain socket, where the JDK tells it: Linux and macOS
 * give {@code jdk.net.ExtendedSocketOptions.SO_PEERCRED}, a {@code UnixDomainPrincipal}. The
 * option lives in the {@code jdk.net} module, which an OSGi framework need not export (Karaf's
 * system packages do not list it), so it is looked up through the platform class loader rather
 * than imported; where it is missing the peer is simply not named.
 */
final class PeerCredentials {

  private static final NioChannelOption<Object> PEER_CREDENTIALS = lookUp();

  private PeerCredentials() {}

  /** The peer's user name, if this JDK and platform give it for {@code channel}. */
  static Optional<String> user(Channel channel) {
    if (PEER_CREDENTIALS == null) {
      return Optional.empty();
    }
    try {
      Object principal = channel.config().getOption(PEER_CREDENTIALS);
      if (principal == null) {
        return Optional.empty();
      }
      Method user = principal.getClass().getMethod("user");
      return Optional.of(((UserPrincipal) user.invoke(principal)).getName());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an option the platform refuses is no reason to refuse the viewer: it is just not named
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static NioChannelOption<Object> lookUp() {
    try {
      Class<?> options =
          ClassLoader.getPlatformClassLoader().loadClass("jdk.net.ExtendedSocketOptions");
      Object option = options.getField("SO_PEERCRED").get(null);
      return (NioChannelOption<Object>) NioChannelOption.of((SocketOption<Object>) option);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }
}
