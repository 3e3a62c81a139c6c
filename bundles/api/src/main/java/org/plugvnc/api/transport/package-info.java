/**
 * Transports: the ways a viewer's bytes reach the engine besides its own TCP listeners (a
 * WebSocket, a Unix domain socket, a connection the server makes out to a listening viewer). A
 * transport bundle opens Netty channels on the engine's I/O threads and hands each one to the
 * {@link org.plugvnc.api.transport.RfbAcceptor} service; from then on the connection is served
 * exactly as a TCP viewer is, with the same security types, limits and sessions. A protocol whose
 * clients speak first (a browser) can also share a desktop's RFB port through the {@link
 * org.plugvnc.api.transport.SharedPortProtocol} whiteboard.
 *
 * <p>This package uses Netty's types; the API bundle imports Netty optionally, so only a bundle
 * that uses this package needs Netty.
 */
@Export
@Version("1.0.0")
package org.plugvnc.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
