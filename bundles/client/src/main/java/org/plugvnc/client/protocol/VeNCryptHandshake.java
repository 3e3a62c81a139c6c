package org.plugvnc.client.protocol;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/**
 * VeNCrypt (security type 19, rfbproto "VeNCrypt", version 0.2): the version exchange and its
 * ack, the subtype list and choice, the TLS ack and TLS itself for the TLS and X509 subtypes, then
 * the subtype's authentication (None, VNC Authentication or Plain). SecurityResult is read by
 * {@link Handshake} afterwards.
 */
final class VeNCryptHandshake {

  /** The only version this client speaks (0.1 is obsolete). */
  static final int MAJOR = 0;
  static final int MINOR = 2;

  /** What the client accepts when the caller lists no subtypes: every one it speaks. */
  static final List<Integer> ALL_SUBTYPES = List.of(RfbNumbers.VENCRYPT_X509_PLAIN,
      RfbNumbers.VENCRYPT_X509_VNC, RfbNumbers.VENCRYPT_X509_NONE, RfbNumbers.VENCRYPT_TLS_PLAIN,
      RfbNumbers.VENCRYPT_TLS_VNC, RfbNumbers.VENCRYPT_TLS_NONE, RfbNumbers.VENCRYPT_PLAIN,
      RfbNumbers.SECURITY_VNC_AUTH, RfbNumbers.SECURITY_NONE);

  private VeNCryptHandshake() {
  }

  static SecurityDetails run(Wire wire, HandshakeOptions options, List<Integer> offered)
      throws IOException {
    RfbInput in = wire.in();
    int major = in.readU8();
    int minor = in.readU8();
    if (major < MAJOR || major == MAJOR && minor < MINOR) {
      wire.send(new byte[] {0, 0});
      throw new RfbSecurityException(Failure.SUBTYPE_REFUSED,
          "server's highest VeNCrypt version " + major + "." + minor + " is below 0.2", offered,
          null);
    }
    wire.send(new byte[] {MAJOR, MINOR});
    int versionAck = in.readU8();
    if (versionAck != 0) {
      throw new RfbSecurityException(Failure.SUBTYPE_REFUSED,
          "server refused VeNCrypt 0.2 (ack " + versionAck + ")", offered, null);
    }
    List<Long> subtypes = readSubtypes(in);
    if (subtypes.isEmpty()) {
      throw new RfbSecurityException(Failure.SUBTYPE_REFUSED, "server listed no VeNCrypt subtypes",
          offered, null);
    }
    int subtype = choose(options.security(), subtypes, offered);
    wire.send(ByteBuffer.allocate(4).putInt(subtype).array());
    SecurityDetails details = new SecurityDetails(subtype, null, null, null);
    if (RfbNumbers.isVeNCryptTls(subtype)) {
      details = startTls(wire, subtype, offered);
    }
    authenticate(wire, options, subtype, offered);
    return details;
  }

  /** The subtype list: a U8 count (at most 255, so bounded) and that many U32s. */
  private static List<Long> readSubtypes(RfbInput in) throws IOException {
    int count = in.readU8();
    List<Long> subtypes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      subtypes.add(in.readU32());
    }
    return subtypes;
  }

  /** The first of the server's subtypes that the client accepts, or the forced one. */
  static int choose(SecurityOptions security, List<Long> subtypes, List<Integer> offered)
      throws RfbSecurityException {
    if (security.forcedVeNCryptSubtype() != 0) {
      return security.forcedVeNCryptSubtype();
    }
    List<Integer> acceptable = security.veNCryptSubtypes().isEmpty() ? ALL_SUBTYPES
        : security.veNCryptSubtypes();
    for (long s : subtypes) {
      if (s <= Integer.MAX_VALUE && acceptable.contains((int) s)) {
        return (int) s;
      }
    }
    throw new RfbSecurityException(Failure.NO_ACCEPTABLE_TYPE,
        "no acceptable VeNCrypt subtype among " + subtypes, offered, null);
  }

  /**
   * The TLS ack (1 is OK), then TLS on the connection. Nothing may follow the ack before the
   * client's ClientHello: read-ahead bytes would be lost under TLS, so they are an error.
   */
  private static SecurityDetails startTls(Wire wire, int subtype, List<Integer> offered)
      throws IOException {
    int ack = wire.in().readU8();
    if (ack != 1) {
      throw new RfbSecurityException(Failure.SUBTYPE_REFUSED,
          "server refused VeNCrypt subtype " + RfbNumbers.securityTypeName(subtype) + " (ack "
              + ack + ")", offered, null);
    }
    if (wire.in().buffered() > 0) {
      throw new RfbProtocolException("server sent " + wire.in().buffered()
          + " bytes after the VeNCrypt ack, before the TLS handshake");
    }
    SecurityLayers.Tls tls;
    try {
      tls = wire.layers().startTls(RfbNumbers.isVeNCryptX509(subtype));
    } catch (RfbSecurityException e) {
      // again with the offered types, which the layer below does not know
      String detail = e.getCause() == null ? e.getMessage()
          : "TLS handshake: " + e.getCause().getMessage();
      throw new RfbSecurityException(e.failure(), RfbNumbers.securityTypeName(subtype) + " "
          + detail, offered, e.getCause());
    }
    wire.layer(new RfbInput(tls.in(), wire.in().bytesRead()),
        new BufferedOutputStream(tls.out()));
    return new SecurityDetails(subtype, tls.protocol(), tls.cipherSuite(), tls.peerSha256());
  }

  private static void authenticate(Wire wire, HandshakeOptions options, int subtype,
      List<Integer> offered) throws IOException {
    switch (subtype) {
      case RfbNumbers.VENCRYPT_PLAIN:
      case RfbNumbers.VENCRYPT_TLS_PLAIN:
      case RfbNumbers.VENCRYPT_X509_PLAIN:
        wire.send(PlainCredentials.message(options.security().username(), options.password()));
        break;
      case RfbNumbers.VENCRYPT_TLS_VNC:
      case RfbNumbers.VENCRYPT_X509_VNC:
      case RfbNumbers.SECURITY_VNC_AUTH:
        Handshake.vncAuthentication(wire, options.password(), offered);
        break;
      default:
        // None subtypes, and forced unknown ones: straight to SecurityResult
        break;
    }
  }
}
