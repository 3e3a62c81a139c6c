package org.plugvnc.security.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityContext;

/** A connection context for handshakes run without an engine: a 3.8 viewer on localhost. */
final class TestSecurityContext implements SecurityContext {

  @Override
  public SocketAddress remoteAddress() {
    return new InetSocketAddress("127.0.0.1", 40000);
  }

  @Override
  public String desktop() {
    return "default";
  }

  @Override
  public Path passwordFile() {
    return null;
  }

  @Override
  public int protocolMinor() {
    return 8;
  }

  @Override
  public void startTls(SSLEngine engine) {
    throw new UnsupportedOperationException("these handshakes never start TLS");
  }

  @Override
  public void resume(Supplier<HandshakeResult> check) {
    throw new UnsupportedOperationException("these handshakes never block");
  }
}
