package org.plugvnc.security.vencrypt.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for a fresh installation: an EC P-256 key, subject CN = the host name,
 * and subject alternative names for the host name, {@code localhost}, 127.0.0.1, ::1 and the
 * machine's interface addresses, so that a viewer trusting it checks the name it connects to. It is
 * its own CA (basic constraints CA:true) so that a viewer given it as a CA file (TigerVNC's
 * {@code -X509CA}) accepts it; it is valid for ten years. Built with bcpkix on the JDK's own
 * providers: no provider is installed.
 */
final class SelfSignedCertificate {

  static final Duration VALIDITY = Duration.ofDays(3650);

  private SelfSignedCertificate() {}

  /** A new key pair and a certificate for it, named for {@code hostName} and {@code addresses}. */
  static ServerCredentials generate(String hostName, Set<InetAddress> addresses, SecureRandom random)
      throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName, addresses));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new ServerCredentials(pair.getPrivate(), new X509Certificate[] {certificate}, "generated", null);
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot build the certificate: " + e.getMessage(), e);
    }
  }

  private static GeneralNames alternativeNames(String hostName, Set<InetAddress> addresses) {
    Set<String> dns = new LinkedHashSet<>(List.of(hostName, "localhost"));
    List<GeneralName> names = new ArrayList<>();
    dns.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    for (InetAddress address : addresses) {
      names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** This machine's name, or {@code localhost} when it has none that resolves. */
  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() ? "localhost" : name;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * 127.0.0.1, ::1 and the addresses of the machine's interfaces that are up, without IPv6
   * link-local ones (a viewer cannot name those without a zone, which certificates do not carry).
   */
  static Set<InetAddress> addresses() {
    Set<InetAddress> result = new LinkedHashSet<>();
    try {
      result.add(InetAddress.getByName("127.0.0.1"));
      result.add(InetAddress.getByName("::1"));
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InetAddress address : Collections.list(nif.getInetAddresses())) {
          if (!(address instanceof Inet6Address && address.isLinkLocalAddress())) {
            result.add(InetAddress.getByAddress(address.getAddress()));
          }
        }
      }
    } catch (SocketException | UnknownHostException e) {
      // the loopback addresses are enough for a certificate; the rest is a convenience
    }
    return result;
  }
}
