package org.plugvnc.security.vencrypt.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.plugvnc.api.files.SecretFiles;

/** Reads and writes the PEM files of keys and certificates (RFC 7468), with bounded reads. */
final class PemFiles {

  /** Longer PEM files are refused: a key and a chain of a few certificates fit many times over. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private PemFiles() {}

  /** The PEM text of one object: the type line, base64 in lines of 64, the end line. */
  static String encode(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** The certificates in {@code file}, in file order; at least one. */
  static X509Certificate[] readCertificates(Path file) throws IOException {
    byte[] content = bounded(file);
    try {
      Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(content));
      if (all.isEmpty()) {
        throw new IOException(file + " holds no certificate");
      }
      return all.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    } catch (CertificateException e) {
      throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** The unencrypted private key in {@code file} (PKCS#8, or a traditional RSA or EC key). */
  static PrivateKey readPrivateKey(Path file) throws IOException {
    byte[] content = bounded(file);
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo) {
        return converter.getPrivateKey((PrivateKeyInfo) object);
      }
      if (object instanceof PEMKeyPair) {
        return converter.getKeyPair((PEMKeyPair) object).getPrivate();
      }
      throw new IOException(file + " holds no unencrypted private key"
          + (object == null ? "" : " (found " + object.getClass().getSimpleName() + ")"));
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** Writes {@code text} to {@code file}, readable by everyone, replacing it in one step. */
  static void writePublic(Path file, String text) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".plugvnc-", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      if (SecretFiles.isPosix(directory)) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The content of {@code file}, refused when longer than {@link #MAX_FILE_BYTES}. */
  static byte[] readBoundedFile(Path file) throws IOException {
    return bounded(file);
  }

  private static byte[] bounded(Path file) throws IOException {
    byte[] content = SecretFiles.readBounded(file, MAX_FILE_BYTES);
    if (content.length > MAX_FILE_BYTES) {
      Arrays.fill(content, (byte) 0);
      throw new IOException(file + " is longer than " + MAX_FILE_BYTES + " bytes");
    }
    return content;
  }
}
