/**
 * plugvnc's own RFB client, written from RFC 6143 and the community rfbproto specification rather
 * than from the server's code, so that tests check the server instead of mirroring it.
 *
 * <p>{@link org.plugvnc.client.RfbClient} is the entry point: build one with
 * {@link org.plugvnc.client.RfbClient#builder()}, then send client messages and await server
 * messages. The value types of this package ({@link org.plugvnc.client.PixelFormat},
 * {@link org.plugvnc.client.ServerInit}, {@link org.plugvnc.client.FramebufferUpdate}, ...) carry
 * what was on the wire; {@link org.plugvnc.client.protocol} holds the message codecs and the
 * handshake (no sockets), {@link org.plugvnc.client.decode} the rectangle decoders and the client
 * framebuffer.
 *
 * <p>The bundle exports nothing: test bundles embed these packages (bnd
 * {@code -conditionalpackage}). It depends on the JDK and BouncyCastle's {@code bcprov} (AES-EAX
 * and RSA for RSA-AES); {@link org.plugvnc.client.tls} layers the JDK's TLS for VeNCrypt.
 */
package org.plugvnc.client;
