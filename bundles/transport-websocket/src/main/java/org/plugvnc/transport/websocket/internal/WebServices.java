package org.plugvnc.transport.websocket.internal;

import java.util.List;
import org.plugvnc.api.transport.RfbAcceptor;
import org.plugvnc.api.web.WebContent;

/**
 * What a connection's handlers read from the component at the moment they need it: the services
 * come and go while connections stay, so nothing here is held longer than one request.
 */
interface WebServices {

  /** The engine. */
  RfbAcceptor acceptor();

  /** https and wss, or null while no server certificate is registered. */
  WebTls tls();

  /** The web content services, highest ranked first; empty while none is registered. */
  List<WebContent> content();

  /** The HTTP connections open per peer, with their limit. */
  HttpPeers httpPeers();
}
