package org.plugvnc.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.plugvnc.client.protocol.SecurityDetails;

/**
 * A command-line seed of the load client: connects, prints ServerInit, then keeps one
 * incremental update request outstanding and prints update statistics once a second.
 *
 * <pre>
 * java -jar plugvnc-client.jar [options] [host] [port] [seconds] [encodings]
 *   encodings: comma-separated names or numbers in preference order, e.g.
 *     tight,zrle,hextile,copyrect,raw,cursor,desktopsize,lastrect,QualityLevel6,CompressLevel2
 *     (names as RfbNumbers.encodingName writes them, case ignored; default
 *     copyrect,raw,cursor,desktopsize)
 *   environment PLUGVNC_PASSWORD: the password (kept off the command line)
 *   environment PLUGVNC_USERNAME: the username, unless --username is given
 * options:
 *   --security=LIST         acceptable security types, names or numbers (VncAuth,VeNCrypt,RA2_256,..);
 *                           the first of the server's list that is in LIST is chosen
 *   --vencrypt=LIST         acceptable VeNCrypt subtypes (X509Vnc,X509Plain,TLSNone,Plain,..)
 *   --username=NAME         username for VeNCrypt Plain subtypes and RSA-AES
 *   --ca=FILE               PEM certificates to trust for X509 subtypes (a CA or the server's own)
 *   --pin=SHA256            the server certificate's SHA-256 fingerprint (hex, colons allowed)
 *   --no-verify-hostname    do not check that a CA-trusted certificate names the host
 *   --insecure-trust-any    accept any X509 certificate (tests of server refusals only)
 *   --tls-protocols=LIST    TLS versions to offer, e.g. TLSv1.3 or TLSv1.2,TLSv1.3
 *   --rsa-key-bits=N        size of the client's RSA-AES key (default 2048)
 *   --server-key-pin=SHA256 the RSA-AES server key's SHA-256 fingerprint
 * </pre>
 */
public final class Main {

  private Main() {
  }

  /**
   * @param args options (see the class comment), then host (default 127.0.0.1), port (default
   *     5900), seconds to run (default 10), encodings (default copyrect,raw,cursor,desktopsize)
   * @throws Exception on any connection or protocol failure, which ends the program
   */
  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    RfbClientBuilder builder = RfbClient.builder().password(System.getenv("PLUGVNC_PASSWORD"))
        .username(System.getenv("PLUGVNC_USERNAME"));
    for (String arg : args) {
      if (arg.startsWith("--")) {
        option(builder, arg);
      } else {
        positional.add(arg);
      }
    }
    String host = positional.size() > 0 ? positional.get(0) : "127.0.0.1";
    int port = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 5900;
    long seconds = positional.size() > 2 ? Long.parseLong(positional.get(2)) : 10;
    int[] encodings = encodings(positional.size() > 3 ? positional.get(3)
        : "copyrect,raw,cursor,desktopsize");
    try (RfbClient client = builder.host(host).port(port)
        .pixelFormat(PixelFormat.RGB888_LE)
        .encodings(encodings)
        .connect()) {
      ServerInit init = client.serverInit();
      SecurityDetails security = client.security();
      String subtype = security.subtype() == 0 ? ""
          : client.securityType() == RfbNumbers.SECURITY_VENCRYPT
              ? " subtype " + RfbNumbers.securityTypeName(security.subtype())
              : " subtype " + security.subtype();
      System.out.printf("connected: %s, %s, security %s%s%n",
          client.handshake().serverVersion().strip(), client.protocolVersion(),
          RfbNumbers.securityTypeName(client.securityType()), subtype);
      if (security.tlsProtocol() != null) {
        System.out.printf("TLS: %s %s%n", security.tlsProtocol(), security.tlsCipherSuite());
      }
      if (security.serverFingerprint() != null) {
        System.out.printf("server fingerprint (SHA-256): %s%n", security.serverFingerprint());
      }
      System.out.printf("ServerInit: %dx%d \"%s\" %s%n", init.width(), init.height(), init.name(),
          init.pixelFormat());
      run(client, seconds);
    }
  }

  /**
   * Applies one {@code --name=value} option to {@code b}.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  static void option(RfbClientBuilder b, String arg) {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    String value = eq < 0 ? null : arg.substring(eq + 1);
    switch (name) {
      case "--security": b.securityTypes(numbers(required(name, value))); break;
      case "--vencrypt": b.veNCryptSubtypes(numbers(required(name, value))); break;
      case "--username": b.username(required(name, value)); break;
      case "--ca": b.trustCertificates(Path.of(required(name, value))); break;
      case "--pin": b.pinCertificateSha256(required(name, value)); break;
      case "--no-verify-hostname": b.tls(b.tls.withVerifyHostname(false)); break;
      case "--insecure-trust-any": b.insecureTrustAnyCertificate(); break;
      case "--tls-protocols": b.tlsProtocols(required(name, value).split(",")); break;
      case "--rsa-key-bits": b.rsaKeyBits(Integer.parseInt(required(name, value))); break;
      case "--server-key-pin": b.pinServerKeySha256(required(name, value)); break;
      default: throw new IllegalArgumentException("unknown option " + name);
    }
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
    }
    return value;
  }

  private static int[] numbers(String list) {
    return Arrays.stream(list.split(",")).filter(s -> !s.isBlank())
        .mapToInt(RfbNumbers::securityTypeNumber).toArray();
  }

  /** @return the encoding numbers of a comma-separated list of names or numbers */
  static int[] encodings(String list) {
    return Arrays.stream(list.split(",")).filter(s -> !s.isBlank())
        .mapToInt(RfbNumbers::encodingNumber).toArray();
  }

  private static void run(RfbClient client, long seconds) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long windowStart = System.nanoTime();
    long updates = 0;
    long rects = 0;
    long bytes = 0;
    long latencyNanos = 0;
    client.requestUpdate(false);
    long requested = System.nanoTime();
    while (System.nanoTime() < end) {
      var update = client.poll(Duration.ofMillis(200));
      if (update.isPresent() && update.get() instanceof FramebufferUpdate) {
        FramebufferUpdate u = (FramebufferUpdate) update.get();
        updates++;
        rects += u.rectangles().size();
        bytes += u.byteCount();
        latencyNanos += u.endNanos() - requested;
        client.requestUpdate(true);
        requested = System.nanoTime();
      }
      long now = System.nanoTime();
      if (now - windowStart >= 1_000_000_000L) {
        System.out.printf(Locale.ROOT, "%d updates, %d rects, %.1f KiB, mean latency %.2f ms%n",
            updates, rects, bytes / 1024.0, updates == 0 ? 0.0 : latencyNanos / 1e6 / updates);
        windowStart = now;
        updates = rects = bytes = latencyNanos = 0;
      }
    }
  }
}
