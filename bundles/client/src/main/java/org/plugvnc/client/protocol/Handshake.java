package org.plugvnc.client.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;
import org.plugvnc.client.ServerInit;

/**
 * The client side of the RFB handshake (RFC 6143 7.1 to 7.3): ProtocolVersion, security
 * negotiation, the security type's exchange (None, VNC Authentication, VeNCrypt with its
 * subtypes, RSA-AES), SecurityResult, ClientInit, ServerInit. Works on streams; TLS comes from a
 * {@link SecurityLayers}. Blocks until each expected message is in.
 */
public final class Handshake {

  private final Wire wire;
  private final HandshakeOptions options;
  private List<Integer> offered = List.of();
  private SecurityDetails details = SecurityDetails.NONE;

  private Handshake(Wire wire, HandshakeOptions options) {
    this.wire = wire;
    this.options = options;
  }

  /**
   * A completed handshake and the streams the session goes on with (the TLS or RSA-AES layer
   * if the security type put one on the connection, else the streams given).
   *
   * @param result what was established
   * @param in the server's bytes from the first server message on
   * @param out where the client's messages go (flush after each)
   */
  public record Outcome(HandshakeResult result, RfbInput in, OutputStream out) {
  }

  /**
   * Runs the whole handshake.
   *
   * @param in the server's bytes, positioned at its ProtocolVersion
   * @param out where the client's bytes go (flushed after each client message)
   * @param options what to announce and choose
   * @return what was established; the stream is then at the first server message
   * @throws RfbSecurityException if the server refused, offered nothing usable, or reported a
   *         failed SecurityResult
   * @throws RfbProtocolException if a server message is malformed or exceeds the limits
   * @throws IOException from the streams, including {@link EOFException} if the server closed
   */
  public static HandshakeResult perform(RfbInput in, OutputStream out, HandshakeOptions options)
      throws IOException {
    return perform(in, out, options, SecurityLayers.NONE).result();
  }

  /**
   * Runs the whole handshake over a connection that can start TLS.
   *
   * @param in the server's bytes, positioned at its ProtocolVersion
   * @param out where the client's bytes go (flushed after each client message)
   * @param options what to announce and choose
   * @param layers starts TLS for VeNCrypt's TLS and X509 subtypes
   * @return what was established, and the streams to go on with
   * @throws RfbSecurityException as {@link #perform(RfbInput, OutputStream, HandshakeOptions)},
   *         and if TLS failed, the server's certificate or RSA key is not trusted, or its
   *         RSA-AES hash does not match
   * @throws RfbProtocolException if a server message is malformed or exceeds the limits
   * @throws IOException from the streams
   */
  public static Outcome perform(RfbInput in, OutputStream out, HandshakeOptions options,
      SecurityLayers layers) throws IOException {
    Handshake h = new Handshake(new Wire(in, out, layers), options);
    HandshakeResult result = h.run();
    return new Outcome(result, h.wire.in(), h.wire.out());
  }

  private HandshakeResult run() throws IOException {
    RfbInput in = wire.in();
    String serverVersion = new String(in.readBytes(ProtocolVersion.WIRE_LENGTH),
        StandardCharsets.ISO_8859_1);
    ProtocolVersion allowed = ProtocolVersion.highestAllowedBy(serverVersion);
    String announced;
    ProtocolVersion version;
    if (options.rawVersion() != null) {
      announced = options.rawVersion();
      version = options.rawHandshakeAs() != null ? options.rawHandshakeAs()
          : ProtocolVersion.interpretAnnounced(announced);
    } else {
      version = options.version().compareTo(allowed) <= 0 ? options.version() : allowed;
      announced = version.wireString();
    }
    send(announced.getBytes(StandardCharsets.ISO_8859_1));
    int type = version == ProtocolVersion.V3_3 ? serverDecidedType() : clientChosenType();
    authenticate(version, type);
    send(new byte[] {(byte) (options.shared() ? 1 : 0)});
    return new HandshakeResult(serverVersion, announced, version, offered, type, details,
        readServerInit());
  }

  /** 3.3: the server sends one U32; 0 is a refusal with a reason, only 1 and 2 are valid. */
  private int serverDecidedType() throws IOException {
    long type = wire.in().readU32();
    if (type == RfbNumbers.SECURITY_INVALID) {
      throw new RfbSecurityException(Failure.CONNECTION_REFUSED, readReason(), -1, offered);
    }
    if (type != RfbNumbers.SECURITY_NONE && type != RfbNumbers.SECURITY_VNC_AUTH) {
      throw new RfbProtocolException("3.3 security-type must be 0, 1 or 2, got " + type);
    }
    offered = List.of((int) type);
    return (int) type;
  }

  /** 3.7/3.8: the server lists types (none means a refusal with a reason); the client picks. */
  private int clientChosenType() throws IOException {
    RfbInput in = wire.in();
    int count = in.readU8();
    if (count == 0) {
      throw new RfbSecurityException(Failure.CONNECTION_REFUSED, readReason(), -1, offered);
    }
    List<Integer> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      types.add(in.readU8());
    }
    offered = List.copyOf(types);
    int chosen = choose();
    send(new byte[] {(byte) chosen});
    return chosen;
  }

  private int choose() throws RfbSecurityException {
    int wanted = options.securityType();
    List<Integer> acceptable = options.security().securityTypes();
    if (wanted != 0) {
      if (offered.contains(wanted) || options.forceSecurityType()) {
        return wanted;
      }
    } else if (!acceptable.isEmpty()) {
      for (int type : offered) {
        if (acceptable.contains(type)) {
          return type;
        }
      }
    } else if (options.password() != null && offered.contains(RfbNumbers.SECURITY_VNC_AUTH)) {
      return RfbNumbers.SECURITY_VNC_AUTH;
    } else if (offered.contains(RfbNumbers.SECURITY_NONE)) {
      return RfbNumbers.SECURITY_NONE;
    }
    throw new RfbSecurityException(Failure.NO_ACCEPTABLE_TYPE, null, -1, offered);
  }

  /**
   * Runs the security type's own exchange, then reads SecurityResult where the version sends
   * one: always after VNC Authentication, VeNCrypt and RSA-AES, after None only in 3.8. A type
   * forced although the server did not offer it, and types this client does not implement, go
   * straight to SecurityResult, which a server should fail.
   */
  private void authenticate(ProtocolVersion version, int type) throws IOException {
    if (!offered.contains(type)) {
      readSecurityResult(version);
      return;
    } else if (type == RfbNumbers.SECURITY_VNC_AUTH) {
      vncAuthentication(wire, options.password(), offered);
    } else if (type == RfbNumbers.SECURITY_NONE && version != ProtocolVersion.V3_8) {
      return;
    } else if (type == RfbNumbers.SECURITY_VENCRYPT) {
      details = VeNCryptHandshake.run(wire, options, offered);
    } else if (RfbNumbers.isRsaAes(type)) {
      details = RsaAesHandshake.run(wire, options, type, offered);
    }
    readSecurityResult(version);
  }

  /** VNC Authentication's challenge and response; a missing password is a client-side refusal. */
  static void vncAuthentication(Wire wire, String password, List<Integer> offered)
      throws IOException {
    if (password == null) {
      throw new RfbSecurityException(Failure.NO_ACCEPTABLE_TYPE, null, -1, offered);
    }
    byte[] challenge = wire.in().readBytes(VncAuthentication.CHALLENGE_LENGTH);
    wire.send(VncAuthentication.response(challenge, password));
  }

  private void readSecurityResult(ProtocolVersion version) throws IOException {
    long status = wire.in().readU32();
    if (status == RfbNumbers.SECURITY_RESULT_OK) {
      return;
    }
    String reason = null;
    if (version == ProtocolVersion.V3_8) {
      try {
        reason = readReason();
      } catch (EOFException closedWithoutReason) {
        // reported as a null reason, so a test can assert that a 3.8 server sends one
      }
    }
    throw new RfbSecurityException(Failure.AUTHENTICATION_FAILED, reason, status, offered);
  }

  private String readReason() throws IOException {
    return wire.in().readString(options.limits().maxReasonLength(), "reason-string",
        StandardCharsets.ISO_8859_1);
  }

  private ServerInit readServerInit() throws IOException {
    RfbInput in = wire.in();
    int width = in.readU16();
    int height = in.readU16();
    if ((long) width * height > options.limits().maxFramebufferPixels()) {
      throw new RfbProtocolException("ServerInit framebuffer " + width + "x" + height
          + " exceeds the limit of " + options.limits().maxFramebufferPixels() + " pixels");
    }
    PixelFormat format = PixelFormat.fromBytes(in.readBytes(PixelFormat.WIRE_LENGTH), 0);
    String name = in.readString(options.limits().maxNameLength(), "name-string",
        StandardCharsets.UTF_8);
    return new ServerInit(width, height, format, name);
  }

  private void send(byte[] bytes) throws IOException {
    wire.send(bytes);
  }
}
