package org.plugvnc.security.rsaaes.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.plugvnc.api.files.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's RSA key on disk: a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}) written owner-only
 * through {@link SecretFiles}, generated on first use. A key file others can read is used but
 * warned about; one that is too long, not PEM, not RSA, or outside 2048 to 8192 bits is refused
 * (no key is then offered, see {@link RsaAesComponent}).
 */
final class RsaKeyFile {

  private static final Logger LOG = LoggerFactory.getLogger(RsaKeyFile.class);
  static final int MIN_BITS = 2048;
  static final int MAX_BITS = 8192;
  /** An 8192-bit key in PKCS#8 PEM is about 6.3 KB. */
  static final int MAX_FILE_BYTES = 32 * 1024;
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private RsaKeyFile() {}

  /** What {@link #loadOrCreate} came to. */
  record Loaded(ServerRsaKey key, boolean generated) {}

  /**
   * The key in {@code file}, or a new one of {@code bits} bits written there when the file does
   * not exist.
   *
   * @throws IOException if the file exists but cannot serve, or cannot be written
   */
  static Loaded loadOrCreate(Path file, int bits) throws IOException {
    if (Files.exists(file)) {
      if (SecretFiles.readableByOthers(file)) {
        LOG.warn("the RSA-AES key file {} can be read by others than its owner; chmod 600 it",
            file.getFileName());
      }
      return new Loaded(read(file), false);
    }
    if (bits < MIN_BITS || bits > MAX_BITS) {
      throw new ServerRsaKey.KeyFileException("keyLength " + bits + " is outside " + MIN_BITS
          + " to " + MAX_BITS);
    }
    LOG.info("generating a {}-bit RSA key for RSA-AES (larger keys take a while)", bits);
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      KeyPair pair = g.generateKeyPair();
      String pem = BEGIN + "\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
          + "\n" + END + "\n";
      SecretFiles.writeOwnerOnly(file, pem.getBytes(StandardCharsets.US_ASCII));
      return new Loaded(new ServerRsaKey((RSAPrivateCrtKey) pair.getPrivate()), true);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not generate an RSA key: " + e, e);
    }
  }

  /** The key in {@code file}, checked. */
  static ServerRsaKey read(Path file) throws IOException {
    byte[] bytes = SecretFiles.readBounded(file, MAX_FILE_BYTES);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ServerRsaKey.KeyFileException(file.getFileName() + " is longer than "
          + MAX_FILE_BYTES + " bytes: not an RSA key");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new ServerRsaKey.KeyFileException(file.getFileName()
          + " holds no PEM private key (" + BEGIN + ")");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
      var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(key instanceof RSAPrivateCrtKey crt)) {
        throw new ServerRsaKey.KeyFileException(file.getFileName() + " holds no RSA CRT key");
      }
      int bits = crt.getModulus().bitLength();
      if (bits < MIN_BITS || bits > MAX_BITS) {
        throw new ServerRsaKey.KeyFileException(file.getFileName() + " holds a key of " + bits
            + " bits; RSA-AES here takes " + MIN_BITS + " to " + MAX_BITS);
      }
      return new ServerRsaKey(crt);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new ServerRsaKey.KeyFileException(file.getFileName() + " holds no readable RSA key: "
          + e.getMessage());
    }
  }
}
