/**
 * TLS for VeNCrypt's TLS and X509 subtypes: {@link org.plugvnc.client.tls.TlsOptions} says whom
 * to trust and which protocol versions to offer; {@link org.plugvnc.client.tls.TlsSocketLayers}
 * layers the JDK's {@link javax.net.ssl.SSLSocket} (or one of a JSSE provider instance the
 * caller passes) over the open RFB socket. Nothing here installs a provider or changes a
 * JVM-wide security property.
 */
package org.plugvnc.client.tls;
