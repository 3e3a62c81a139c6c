package org.plugvnc.client.protocol;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed server certificate made with bcpkix for the scripted TLS server. */
final class TestCertificates {

  final KeyPair keys;
  final X509Certificate certificate;

  private TestCertificates(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /**
   * @param dnsName the DNS subject alternative name
   * @param ip an IP address subject alternative name, or null for none
   */
  static TestCertificates selfSigned(String dnsName, String ip) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair keys = g.generateKeyPair();
    X500Name name = new X500Name("CN=" + dnsName);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.HOURS)),
        Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic());
    GeneralNames sans = ip == null ? new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName))
        : new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName),
            new GeneralName(GeneralName.iPAddress, ip)});
    b.addExtension(Extension.subjectAlternativeName, false, sans);
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    return new TestCertificates(keys, cert);
  }

  /** @return the certificate as a PEM file in {@code dir} */
  Path writePem(Path dir) throws Exception {
    String pem = "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    Path file = Files.createTempFile(dir, "server", ".pem");
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    return file;
  }

  /** @return the SHA-256 of the certificate, lower-case hex */
  String sha256() throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }

  /** @return a server-side TLS context presenting this certificate */
  SSLContext serverContext() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", keys.getPrivate(), new char[0],
        new java.security.cert.Certificate[] {certificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
