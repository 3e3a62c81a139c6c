package org.plugvnc.security.vencrypt.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import org.plugvnc.api.files.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the server's key and certificate come from, in this order: a configured PKCS#12 keystore;
 * configured PEM certificate and key files; else the generated pair in {@code ${plugvnc.home}/data}
 * ({@value #KEY_FILE}, owner-only, and {@value #CERTIFICATE_FILE}, public), made at the first start
 * and announced once on the console with its SHA-256 fingerprint. A configured source that cannot
 * be read is an error, never a reason to fall back to a generated certificate.
 */
final class CertificateStore {

  static final String KEY_FILE = "vencrypt-key.pem";
  static final String CERTIFICATE_FILE = "vencrypt-cert.pem";

  /** A keystore password file longer than this is refused. */
  static final int MAX_PASSWORD_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(CertificateStore.class);

  private final Path home;
  private final PrintStream console;
  private final SecureRandom random;

  CertificateStore(Path home, PrintStream console, SecureRandom random) {
    this.home = home;
    this.console = console;
    this.random = random;
  }

  /** The key and chain {@code config} names, or the generated ones. */
  ServerCredentials load(VeNCryptConfiguration config) throws IOException, GeneralSecurityException {
    String keystore = config.keystore().trim();
    String certificate = config.certificateFile().trim();
    String privateKey = config.privateKeyFile().trim();
    if (!keystore.isEmpty()) {
      return fromKeystore(home.resolve(keystore), config.keystorePasswordFile().trim());
    }
    if (!certificate.isEmpty() || !privateKey.isEmpty()) {
      if (certificate.isEmpty() || privateKey.isEmpty()) {
        throw new IOException("certificateFile and privateKeyFile must be configured together");
      }
      return fromPem(home.resolve(certificate), home.resolve(privateKey));
    }
    return generated();
  }

  /** The generated key file, {@code ${plugvnc.home}/data/vencrypt-key.pem}. */
  Path generatedKeyFile() {
    return home.resolve("data").resolve(KEY_FILE);
  }

  /** The generated certificate file, {@code ${plugvnc.home}/data/vencrypt-cert.pem}. */
  Path generatedCertificateFile() {
    return home.resolve("data").resolve(CERTIFICATE_FILE);
  }

  private ServerCredentials fromPem(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
    warnIfReadableByOthers(keyFile);
    X509Certificate[] chain = PemFiles.readCertificates(certificateFile);
    PrivateKey key = PemFiles.readPrivateKey(keyFile);
    return checked(new ServerCredentials(key, chain, certificateFile + " and " + keyFile, certificateFile));
  }

  private ServerCredentials fromKeystore(Path file, String passwordFile) throws IOException, GeneralSecurityException {
    warnIfReadableByOthers(file);
    char[] password = passwordFile.isEmpty() ? new char[0] : readPassword(home.resolve(passwordFile));
    byte[] content = PemFiles.readBoundedFile(file);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(content), password);
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key instanceof PrivateKey && chain != null && chain.length > 0) {
          X509Certificate[] x509 = Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
          return checked(new ServerCredentials((PrivateKey) key, x509, file + " (alias " + alias + ")", null));
        }
      }
      throw new IOException(file + " holds no private key with a certificate chain");
    } finally {
      Arrays.fill(password, '\0');
      Arrays.fill(content, (byte) 0);
    }
  }

  /** The generated pair, made now when either file is missing. */
  private ServerCredentials generated() throws IOException, GeneralSecurityException {
    Path keyFile = generatedKeyFile();
    Path certificateFile = generatedCertificateFile();
    if (Files.exists(keyFile) && Files.exists(certificateFile)) {
      return fromPem(certificateFile, keyFile);
    }
    ServerCredentials made = SelfSignedCertificate.generate(SelfSignedCertificate.hostName(),
        SelfSignedCertificate.addresses(), random);
    byte[] keyPem = PemFiles.encode("PRIVATE KEY", made.key().getEncoded()).getBytes(StandardCharsets.US_ASCII);
    try {
      SecretFiles.writeOwnerOnly(keyFile, keyPem);
    } finally {
      Arrays.fill(keyPem, (byte) 0);
    }
    PemFiles.writePublic(certificateFile, PemFiles.encode("CERTIFICATE", made.chain()[0].getEncoded()));
    ServerCredentials result = new ServerCredentials(made.key(), made.chain(),
        "generated " + certificateFile + " and " + keyFile, certificateFile);
    console.println("plugvnc: generated a self-signed VeNCrypt certificate for "
        + made.chain()[0].getSubjectX500Principal().getName() + ", SHA-256 fingerprint "
        + result.fingerprint() + "; give viewers " + certificateFile.toAbsolutePath()
        + " to trust it (TigerVNC: vncviewer -X509CA=" + certificateFile.toAbsolutePath() + ")");
    console.flush();
    LOG.info("Generated a self-signed VeNCrypt certificate in {} (private key {}, readable only by its owner)",
        certificateFile, keyFile);
    return result;
  }

  /** The chain must start with the certificate of {@code key}'s public key. */
  private static ServerCredentials checked(ServerCredentials c) throws GeneralSecurityException {
    String keyAlgorithm = c.key().getAlgorithm();
    String certAlgorithm = c.chain()[0].getPublicKey().getAlgorithm();
    if (!keyAlgorithm.equals(certAlgorithm)) {
      throw new GeneralSecurityException("the private key (" + keyAlgorithm + ") does not belong to the first "
          + "certificate (" + certAlgorithm + ") of " + c.source());
    }
    return c;
  }

  /** The first line of {@code file}, as a password; bounded, wiped after decoding. */
  private static char[] readPassword(Path file) throws IOException {
    warnIfReadableByOthers(file);
    byte[] content = SecretFiles.readBounded(file, MAX_PASSWORD_BYTES);
    try {
      if (content.length > MAX_PASSWORD_BYTES) {
        throw new IOException(file + " is longer than " + MAX_PASSWORD_BYTES + " bytes");
      }
      int end = 0;
      while (end < content.length && content[end] != '\n' && content[end] != '\r') {
        end++;
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(content, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      return password;
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static void warnIfReadableByOthers(Path file) throws IOException {
    if (SecretFiles.readableByOthers(file)) {
      LOG.warn("{} holds a secret but is readable by group or others; restrict it (chmod 600)", file);
    }
  }
}
