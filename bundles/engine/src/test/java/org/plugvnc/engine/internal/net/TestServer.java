package org.plugvnc.engine.internal.net;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.desktop.DesktopHub;

/** What the server component shares with every connection, filled by each test. */
record TestServer(
    ServerSettings settings,
    Map<Integer, SecurityTypeFactory> securityTypes,
    Map<Integer, EncoderFactory> encoders,
    DesktopHub desktop,
    SessionRegistry sessions,
    Clipboard clipboard,
    AuthFailureThrottle authFailures,
    PreAuthLimits preAuthLimits,
    InputBudget inputBudget,
    OutputBudget outputBudget,
    ExecutorService workers, SessionEvents events) implements ServerContext {

  @Override
  public long nextConnectionId() {
    return 1;
  }
}
