package org.plugvnc.security.vencrypt.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VeNCrypt (19) handshake, version 0.2 (rfbproto, "VeNCrypt"):
 *
 * <pre>
 * server: U8 0, U8 2                 highest version
 * viewer: U8 major, U8 minor         chosen version (0.0: it cannot go on)
 * server: U8 0 (accepted) | U8 255   (refused: the connection ends)
 * server: U8 n, n x U32              subtypes, in order of preference
 * viewer: U32 subtype                (0: none fits)
 * server: U8 1                       TLS and X509 subtypes only; TLS starts after this byte
 * then, inside TLS for all but Plain: nothing (*None), VNC Authentication (*Vnc), or the Plain
 * credentials (Plain, *Plain), followed by the engine's SecurityResult.
 * </pre>
 *
 * <p>A version other than 0.2, a subtype that was not offered, or credentials longer than the
 * limit end the handshake with a reason; nothing the viewer claims is allocated before it is
 * bounded. The user name and password check runs off the I/O thread through {@link
 * SecurityContext#resume}.
 */
final class VeNCryptHandshake implements SecurityHandshake {

  /** The identity of the None subtypes: TLS, and nobody authenticated. */
  static final String TLS_ONLY_IDENTITY = "tls-only";

  private static final Logger LOG = LoggerFactory.getLogger(VeNCryptHandshake.class);

  /** One state enum, one switch. */
  private enum State { VERSION, SUBTYPE, CREDENTIALS, CHECKING, VNC_AUTH, DONE }

  private final SecurityContext context;
  /** Who a viewer of subtype None is: nobody was asked who it is. */
  static final String NO_AUTHENTICATION_IDENTITY = "anonymous";

  private final List<Integer> offered;
  private final TlsEndpoint tls;
  private final SecurityTypeFactory vncAuth;
  private final CredentialVerifier verifier;
  private final int maxCredentialLength;
  private State state = State.VERSION;
  private int chosen;
  private SecurityHandshake inner;

  VeNCryptHandshake(SecurityContext context, List<Integer> offered, TlsEndpoint tls,
      SecurityTypeFactory vncAuth, CredentialVerifier verifier, int maxCredentialLength) {
    this.context = context;
    this.offered = List.copyOf(offered);
    this.tls = tls;
    this.vncAuth = vncAuth;
    this.verifier = verifier;
    this.maxCredentialLength = maxCredentialLength;
  }

  @Override
  public void start(RfbOutput out) {
    out.writeU8(VeNCrypt.VERSION_MAJOR);
    out.writeU8(VeNCrypt.VERSION_MINOR);
  }

  @Override
  public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
    while (true) {
      HandshakeResult result = step(in, out);
      if (result != null) {
        return result;
      }
    }
  }

  /** One step; null when it consumed a message and the next may already be in {@code in}. */
  private HandshakeResult step(ByteBuffer in, RfbOutput out) {
    switch (state) {
      case VERSION:
        return readVersion(in, out);
      case SUBTYPE:
        return readSubtype(in, out);
      case CREDENTIALS:
        return readCredentials(in);
      case CHECKING:
        return HandshakeResult.incomplete();
      case VNC_AUTH:
        return finish(inner.receive(in, out));
      case DONE:
      default:
        return HandshakeResult.failure("The VeNCrypt handshake has already finished");
    }
  }

  private HandshakeResult readVersion(ByteBuffer in, RfbOutput out) {
    if (in.remaining() < 2) {
      return HandshakeResult.incomplete();
    }
    int major = in.get() & 0xFF;
    int minor = in.get() & 0xFF;
    if (major == 0 && minor == 0) {
      return refuse("the viewer cannot use VeNCrypt (it answered version 0.0)");
    }
    if (major != VeNCrypt.VERSION_MAJOR || minor != VeNCrypt.VERSION_MINOR) {
      out.writeU8(VeNCrypt.VERSION_REFUSED);
      return refuse("VeNCrypt version " + major + "." + minor + " is not supported (only 0.2)");
    }
    out.writeU8(VeNCrypt.VERSION_ACCEPTED);
    out.writeU8(offered.size());
    if (offered.isEmpty()) {
      return refuse("no VeNCrypt subtype is available on the server");
    }
    for (int subtype : offered) {
      out.writeU32(subtype);
    }
    state = State.SUBTYPE;
    return null;
  }

  private HandshakeResult readSubtype(ByteBuffer in, RfbOutput out) {
    if (in.remaining() < 4) {
      return HandshakeResult.incomplete();
    }
    int subtype = in.getInt();
    if (subtype == VeNCrypt.FAILURE) {
      return refuse("the viewer can use none of the offered VeNCrypt subtypes");
    }
    if (!offered.contains(subtype)) {
      return refuse("VeNCrypt subtype " + VeNCrypt.name(subtype) + " was not offered");
    }
    chosen = subtype;
    LOG.debug("{}: VeNCrypt subtype {}", context.remoteAddress(), VeNCrypt.name(subtype));
    if (subtype == VeNCrypt.VNC_AUTH) {
      // The desktop's own VNC Authentication, in clear and without an acknowledgement, as at the
      // top level.
      inner = vncAuth.create(context);
      inner.start(out);
      state = State.VNC_AUTH;
      return HandshakeResult.incomplete();
    }
    if (subtype == VeNCrypt.NONE) {
      state = State.DONE;
      return HandshakeResult.success(new Identity(NO_AUTHENTICATION_IDENTITY, false));
    }
    if (!VeNCrypt.usesTls(subtype)) {
      state = State.CREDENTIALS; // Plain: the credentials follow at once, in clear
      return null;
    }
    out.writeU8(VeNCrypt.SUBTYPE_ACCEPTED);
    context.startTls(tls.newEngine());
    // Everything after this point travels inside TLS. What is still in 'in' is the start of the
    // TLS handshake, which the engine hands to TLS: it is not read here.
    if (VeNCrypt.runsVncAuth(subtype)) {
      inner = vncAuth.create(context);
      inner.start(out);
      state = State.VNC_AUTH;
      return HandshakeResult.incomplete();
    }
    if (VeNCrypt.sendsCredentials(subtype)) {
      state = State.CREDENTIALS;
      return HandshakeResult.incomplete();
    }
    // X509None: TLS alone. Nobody is authenticated, so the rights are full; the engine's
    // SecurityResult goes out inside TLS once the TLS handshake is done.
    state = State.DONE;
    return HandshakeResult.success(new Identity(TLS_ONLY_IDENTITY, false));
  }

  private HandshakeResult readCredentials(ByteBuffer in) {
    PlainCredentials credentials;
    try {
      credentials = PlainCredentials.read(in, maxCredentialLength);
    } catch (PlainCredentials.TooLong e) {
      return refuse("VeNCrypt " + VeNCrypt.name(chosen) + ": " + e.getMessage());
    }
    if (credentials == null) {
      return HandshakeResult.incomplete();
    }
    state = State.CHECKING;
    String subtype = VeNCrypt.name(chosen);
    Object remote = context.remoteAddress();
    context.resume(() -> check(credentials, subtype, remote));
    return HandshakeResult.incomplete();
  }

  /** Worker thread: the verifier's verdict; the password is wiped afterwards. */
  private HandshakeResult check(PlainCredentials credentials, String subtype, Object remote) {
    try {
      Optional<Identity> identity = verifier.verify(credentials.user(), credentials.password());
      if (identity.isPresent()) {
        return HandshakeResult.success(identity.get());
      }
      LOG.info("VeNCrypt {} login as '{}' from {} refused", subtype, credentials.printableUser(), remote);
      return HandshakeResult.failure("Authentication failed");
    } finally {
      Arrays.fill(credentials.password(), '\0');
    }
  }

  /** The inner VNC Authentication's verdict, unchanged (its view-only rights included). */
  private HandshakeResult finish(HandshakeResult result) {
    if (result.status() != HandshakeResult.Status.INCOMPLETE) {
      state = State.DONE;
    }
    return result;
  }

  private HandshakeResult refuse(String reason) {
    state = State.DONE;
    LOG.info("{}: VeNCrypt refused: {}", context.remoteAddress(), reason);
    return HandshakeResult.failure(reason);
  }
}
