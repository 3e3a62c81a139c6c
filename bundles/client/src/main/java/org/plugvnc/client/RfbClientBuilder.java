package org.plugvnc.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.plugvnc.client.decode.DecoderRegistry;
import org.plugvnc.client.protocol.HandshakeOptions;
import org.plugvnc.client.protocol.RsaServerKey;
import org.plugvnc.client.protocol.SecurityOptions;
import org.plugvnc.client.tls.TlsOptions;

/**
 * Options of an {@link RfbClient}; {@link #connect()} opens the connection and runs the
 * handshake. Defaults: 127.0.0.1:5900, version 3.8, security type chosen automatically (VNC
 * Authentication if a password is set and offered, else None; VeNCrypt and RSA-AES only when
 * listed or named), the JDK's trust store for X509 certificates, a 2048-bit RSA-AES key, shared,
 * 5 s connect and 10 s read timeouts, {@link Limits#DEFAULT}, the standard decoders, no
 * SetPixelFormat or SetEncodings sent.
 */
public final class RfbClientBuilder {

  String host = "127.0.0.1";
  int port = 5900;
  Path unixSocket;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration readTimeout = Duration.ofSeconds(10);
  Supplier<DecoderRegistry> decoders = DecoderRegistry::standard;
  PixelFormat pixelFormat;
  int[] encodings;
  final List<RfbListener> listeners = new ArrayList<>();
  private ProtocolVersion version = ProtocolVersion.V3_8;
  private String rawVersion;
  private ProtocolVersion rawHandshakeAs;
  private int securityType;
  private boolean forceSecurityType;
  private String password;
  private boolean shared = true;
  private Limits limits = Limits.DEFAULT;
  private String username;
  private List<Integer> securityTypes = List.of();
  private List<Integer> veNCryptSubtypes = List.of();
  private int forcedSubtype;
  private int rsaKeyBits = SecurityOptions.DEFAULT_RSA_KEY_BITS;
  private Predicate<RsaServerKey> serverKeyCheck;
  TlsOptions tls = TlsOptions.DEFAULT;

  RfbClientBuilder() {
  }

  /** @return this builder, connecting to {@code host} */
  public RfbClientBuilder host(String host) {
    this.host = Objects.requireNonNull(host);
    return this;
  }

  /** @return this builder, connecting to {@code port} */
  public RfbClientBuilder port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Connects over the Unix domain socket at {@code path} instead of TCP (host and port are then
   * not used). The read timeouts apply as over TCP. VeNCrypt's TLS subtypes are not available
   * this way (the JDK layers TLS only on a TCP socket); VNC Authentication, None and RSA-AES are.
   *
   * @param path the socket file, or null for TCP again
   * @return this builder
   */
  public RfbClientBuilder unixSocket(Path path) {
    this.unixSocket = path;
    return this;
  }

  /**
   * @param version the highest version to use; the client announces the lower of this and the
   *        server's version, as RFC 6143 asks
   * @return this builder
   */
  public RfbClientBuilder version(ProtocolVersion version) {
    this.version = Objects.requireNonNull(version);
    this.rawVersion = null;
    return this;
  }

  /**
   * Announces {@code wire} verbatim (e.g. {@code "RFB 003.889\n"}, or fewer or odd bytes) and
   * then follows the handshake a server must assume for it: the published versions as
   * themselves, anything else as 3.3.
   *
   * @return this builder
   */
  public RfbClientBuilder rawVersion(String wire) {
    return rawVersion(wire, null);
  }

  /**
   * Announces {@code wire} verbatim and then follows the handshake of {@code handshakeAs}.
   *
   * @return this builder
   */
  public RfbClientBuilder rawVersion(String wire, ProtocolVersion handshakeAs) {
    this.rawVersion = Objects.requireNonNull(wire);
    this.rawHandshakeAs = handshakeAs;
    return this;
  }

  /**
   * Chooses this security type in 3.7/3.8; the handshake fails with
   * {@link RfbSecurityException.Failure#NO_ACCEPTABLE_TYPE} if the server does not offer it.
   * Ignored in 3.3, where the server decides.
   *
   * @return this builder
   */
  public RfbClientBuilder securityType(int type) {
    this.securityType = type;
    this.forceSecurityType = false;
    return this;
  }

  /**
   * Sends this security type even if the server did not offer it (a server must then fail the
   * handshake). Types other than None and VNC Authentication go straight to SecurityResult.
   *
   * @return this builder
   */
  public RfbClientBuilder forceSecurityType(int type) {
    this.securityType = type;
    this.forceSecurityType = true;
    return this;
  }

  /**
   * Accepts these security types: the client chooses the first type of the server's list that
   * is among them (the server's order decides). A type named with {@link #securityType(int)}
   * takes precedence.
   *
   * @param types security type numbers, e.g. {@link RfbNumbers#SECURITY_VENCRYPT}
   * @return this builder
   */
  public RfbClientBuilder securityTypes(int... types) {
    this.securityTypes = Arrays.stream(types).boxed().collect(Collectors.toList());
    return this;
  }

  /**
   * Accepts these VeNCrypt subtypes, chosen like {@link #securityTypes(int...)}: the first of
   * the server's list that is among them. Default: every subtype this client speaks.
   *
   * @return this builder
   */
  public RfbClientBuilder veNCryptSubtypes(int... subtypes) {
    this.veNCryptSubtypes = Arrays.stream(subtypes).boxed().collect(Collectors.toList());
    return this;
  }

  /**
   * Sends this VeNCrypt subtype even if the server did not list it (a server must then refuse).
   *
   * @return this builder
   */
  public RfbClientBuilder forceVeNCryptSubtype(int subtype) {
    this.forcedSubtype = subtype;
    return this;
  }

  /**
   * @param password the password for VNC Authentication (also inside VeNCrypt), VeNCrypt Plain
   *        and RSA-AES; never logged
   * @return this builder
   */
  public RfbClientBuilder password(String password) {
    this.password = password;
    return this;
  }

  /** @return this builder, sending {@code username} in VeNCrypt Plain and RSA-AES subtype 1 */
  public RfbClientBuilder username(String username) {
    this.username = username;
    return this;
  }

  /** @return this builder, with these TLS options for VeNCrypt (replacing earlier TLS calls) */
  public RfbClientBuilder tls(TlsOptions options) {
    this.tls = Objects.requireNonNull(options);
    return this;
  }

  /** @return this builder, trusting the certificates of a PEM file for X509 subtypes */
  public RfbClientBuilder trustCertificates(Path pemFile) {
    this.tls = tls.withTrustedCertificates(pemFile);
    return this;
  }

  /** @return this builder, pinning the server certificate's SHA-256 (hex, colons ignored) */
  public RfbClientBuilder pinCertificateSha256(String sha256) {
    this.tls = tls.withPinnedSha256(sha256);
    return this;
  }

  /**
   * Accepts any server certificate for X509 subtypes. Only for tests of a server's refusal
   * paths: the connection is then open to anyone in the middle.
   *
   * @return this builder
   */
  public RfbClientBuilder insecureTrustAnyCertificate() {
    this.tls = tls.withInsecureTrustAnyCertificate(true);
    return this;
  }

  /** @return this builder, offering only these TLS versions (e.g. {@code "TLSv1.1"}) */
  public RfbClientBuilder tlsProtocols(String... versions) {
    this.tls = tls.withProtocols(List.of(versions));
    return this;
  }

  /**
   * @param rsaKeyBits the size of the RSA key the client sends in RSA-AES, any size (so that a
   *        test can send one a server must refuse); default 2048
   * @return this builder
   */
  public RfbClientBuilder rsaKeyBits(int rsaKeyBits) {
    this.rsaKeyBits = rsaKeyBits;
    return this;
  }

  /**
   * Trusts only the RSA-AES server key with this SHA-256 fingerprint (of the key as sent, or of
   * its DER SubjectPublicKeyInfo; see {@link RsaServerKey#matches(String)}).
   *
   * @return this builder
   */
  public RfbClientBuilder pinServerKeySha256(String sha256) {
    Objects.requireNonNull(sha256);
    return serverKeyCheck(key -> key.matches(sha256));
  }

  /**
   * @param check decides whether to trust an RSA-AES server's key (it may also record it);
   *        false ends the handshake with {@link RfbSecurityException.Failure#SERVER_NOT_TRUSTED}
   * @return this builder
   */
  public RfbClientBuilder serverKeyCheck(Predicate<RsaServerKey> check) {
    this.serverKeyCheck = check;
    return this;
  }

  /** @return this builder, sending {@code shared} as the ClientInit shared-flag */
  public RfbClientBuilder shared(boolean shared) {
    this.shared = shared;
    return this;
  }

  /** @return this builder, giving up connecting after {@code timeout} */
  public RfbClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * @param timeout longest wait for the rest of a message once it started, and for each step of
   *        the handshake
   * @return this builder
   */
  public RfbClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** @return this builder, applying {@code limits} to lengths from the server */
  public RfbClientBuilder limits(Limits limits) {
    this.limits = Objects.requireNonNull(limits);
    return this;
  }

  /** @return this builder, taking a fresh decoder registry from {@code factory} */
  public RfbClientBuilder decoders(Supplier<DecoderRegistry> factory) {
    this.decoders = Objects.requireNonNull(factory);
    return this;
  }

  /** @return this builder, sending SetPixelFormat right after the handshake */
  public RfbClientBuilder pixelFormat(PixelFormat format) {
    this.pixelFormat = format;
    return this;
  }

  /**
   * Sends SetEncodings with these numbers right after the handshake, in this order: any of the
   * encodings the standard decoders read, and any pseudo-encodings (quality levels -32..-23,
   * compression levels -256..-247, fine quality -512..-412, subsampling -768..-763,
   * TightWithoutZlib -317, LastRect -224, Cursor, DesktopSize, ...). Without this call no
   * SetEncodings is sent and the server may only send Raw.
   *
   * @return this builder
   */
  public RfbClientBuilder encodings(int... encodings) {
    this.encodings = encodings.clone();
    return this;
  }

  /** @return this builder, with a listener added before the first message can arrive */
  public RfbClientBuilder listener(RfbListener listener) {
    listeners.add(Objects.requireNonNull(listener));
    return this;
  }

  /**
   * Connects and runs the handshake.
   *
   * @return the connected client, at the start of normal protocol
   * @throws RfbSecurityException if the server refused or authentication failed
   * @throws RfbProtocolException if the server broke the handshake
   * @throws IOException if the connection failed or timed out
   */
  public RfbClient connect() throws IOException {
    return Connections.open(this);
  }

  /**
   * Listen mode ({@code vncviewer -listen}): waits for a server to connect to {@code listener}
   * (at most the connect timeout), then runs the handshake as {@link #connect()} does; the server
   * speaks first in either direction. Host, port and {@link #unixSocket} are not used; the
   * listener stays open for the caller.
   *
   * @return the connected client, at the start of normal protocol
   * @throws RfbTimeoutException if no server connected within the connect timeout
   * @throws RfbSecurityException if the server refused or authentication failed
   * @throws IOException if the connection failed or the handshake timed out
   */
  public RfbClient accept(ServerSocket listener) throws IOException {
    return Connections.accept(Objects.requireNonNull(listener), this);
  }

  HandshakeOptions handshakeOptions() {
    return new HandshakeOptions(version, rawVersion, rawHandshakeAs, securityType,
        forceSecurityType, password, shared, limits, new SecurityOptions(username, securityTypes,
            veNCryptSubtypes, forcedSubtype, rsaKeyBits, serverKeyCheck));
  }
}
