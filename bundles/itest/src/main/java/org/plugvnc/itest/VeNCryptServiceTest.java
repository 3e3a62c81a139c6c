package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.api.security.ServerCertificate;

/**
 * The VeNCrypt bundle resolves with BouncyCastle in a real framework, registers security type 19,
 * and a fresh home gets its generated certificate: the private key readable only by its owner, the
 * certificate a public PEM file a viewer can be given.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class VeNCryptServiceTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService(filter = "(" + SecurityTypeFactory.PROPERTY_TYPE + "=19)", timeout = 10_000)
  SecurityTypeFactory vencrypt;

  @Test
  void typeNineteenIsRegisteredWithAGeneratedCertificate() throws Exception {
    assertEquals(19, vencrypt.type());
    Path data = PlugvncHome.of(context::getProperty).resolve("data");
    Path key = data.resolve("vencrypt-key.pem");
    Path certificate = data.resolve("vencrypt-cert.pem");
    assertTrue(Files.isRegularFile(key), key.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    try (InputStream in = Files.newInputStream(certificate)) {
      X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      c.checkValidity();
      c.verify(c.getPublicKey());
      assertTrue(c.getSubjectAlternativeNames().stream().anyMatch(n -> "localhost".equals(n.get(1))));
    }
  }

  /** The certificate VeNCrypt uses is registered as the ServerCertificate, pinned by its fingerprint. */
  @Test
  void itsCertificateIsRegisteredAsTheServerCertificate() throws Exception {
    ServiceReference<ServerCertificate> ref = context.getServiceReference(ServerCertificate.class);
    assertTrue(ref != null, "a ServerCertificate service");
    assertEquals(vencrypt.getClass().getClassLoader(), context.getService(ref).getClass().getClassLoader(),
        "registered by the VeNCrypt bundle");
    ServerCertificate c = context.getService(ref);
    try {
      Path file = PlugvncHome.of(context::getProperty).resolve("data").resolve("vencrypt-cert.pem");
      assertEquals(fingerprintOf(file), c.fingerprint());
      assertEquals(c.fingerprint(), ref.getProperty("fingerprint"));
      X509Certificate own = c.chain().get(0);
      String alias = c.keyManager().chooseServerAlias(own.getPublicKey().getAlgorithm(), null, null);
      assertTrue(alias != null, "the key manager has the key");
      assertEquals(own, c.keyManager().getCertificateChain(alias)[0]);
    } finally {
      context.ungetService(ref);
    }
  }

  /** Stopping VeNCrypt withdraws the ServerCertificate; starting it registers the same one again. */
  @Test
  void stoppingTheBundleWithdrawsTheServerCertificate() throws Exception {
    ServiceReference<ServerCertificate> before = context.getServiceReference(ServerCertificate.class);
    assertTrue(before != null, "a ServerCertificate service");
    String fingerprint = (String) before.getProperty("fingerprint");
    org.osgi.framework.Bundle bundle = before.getBundle();
    assertEquals("org.plugvnc.security.vencrypt", bundle.getSymbolicName());
    bundle.stop();
    try {
      assertTrue(context.getServiceReference(ServerCertificate.class) == null, "withdrawn with the bundle");
    } finally {
      bundle.start();
    }
    long end = System.currentTimeMillis() + SecurityFixture.AWAIT_MILLIS;
    ServiceReference<ServerCertificate> after;
    while ((after = context.getServiceReference(ServerCertificate.class)) == null && System.currentTimeMillis() < end) {
      Thread.sleep(20);
    }
    assertTrue(after != null, "registered again");
    assertEquals(fingerprint, after.getProperty("fingerprint"), "the same certificate, read from its files");
  }

  /** The SHA-256 fingerprint of a PEM certificate file, computed here from the file alone. */
  static String fingerprintOf(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
      return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
  }
}
