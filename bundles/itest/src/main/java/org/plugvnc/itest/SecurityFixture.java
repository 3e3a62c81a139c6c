package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.client.RfbClient;

/**
 * What the security-type tests share: the security bundles' configurations applied and awaited,
 * a users file and a JAAS realm written by the test itself, the server's certificate and RSA key
 * fingerprint taken from the files (not from the server's code), the exact picture a viewer sees.
 */
final class SecurityFixture {

  static final String VENCRYPT_PID = "org.plugvnc.security.vencrypt";
  static final String RSAAES_PID = "org.plugvnc.security.rsaaes";
  static final String JAAS_PID = "org.plugvnc.credentials.jaas";
  static final long AWAIT_MILLIS = 60_000; // an RSA key is loaded off the start thread

  private final BundleContext context;
  private final ConfigurationAdmin cm;

  SecurityFixture(BundleContext context, ConfigurationAdmin cm) {
    this.context = context;
    this.cm = cm;
  }

  Path home() {
    return Path.of(context.getProperty("plugvnc.home"));
  }

  /** The generated VeNCrypt certificate, which the viewer is given to trust. */
  Path certificate() {
    return home().resolve("data").resolve("vencrypt-cert.pem");
  }

  /**
   * Sets (or, with null, deletes) the configuration of a security bundle and waits until the
   * factory of {@code type} serves with it: VeNCrypt takes a change in place (its service then
   * shows the configuration's properties), RSA-AES registers its types again (a new service id).
   * Nothing happens when the configuration is already so.
   */
  void configure(String pid, Map<String, Object> props, int type) throws Exception {
    Configuration c = cm.getConfiguration(pid, "?");
    if (same(c.getProperties(), props)) {
      awaitType(type, -1);
      return;
    }
    long before = serviceId(type);
    if (props == null) {
      c.delete();
    } else {
      c.update(new Hashtable<>(props));
    }
    long end = System.currentTimeMillis() + AWAIT_MILLIS;
    while (true) {
      ServiceReference<SecurityTypeFactory> ref = reference(type);
      if (ref != null && (inPlace(pid) ? same(ref, pid, props)
          : (Long) ref.getProperty(Constants.SERVICE_ID) != before)) {
        return;
      }
      if (System.currentTimeMillis() > end) {
        fail("security type " + type + " did not take the configuration " + props + " in time");
      }
      Thread.sleep(20);
    }
  }

  private static boolean inPlace(String pid) {
    return VENCRYPT_PID.equals(pid);
  }

  /** Whether a DS component's service shows this configuration (null: none of {@code pid}). */
  private static boolean same(ServiceReference<?> ref, String pid, Map<String, Object> props) {
    if (props == null) {
      return !pid.equals(ref.getProperty(Constants.SERVICE_PID));
    }
    for (Map.Entry<String, Object> e : props.entrySet()) {
      Object v = ref.getProperty(e.getKey());
      Object w = e.getValue();
      if (!(w.equals(v) || (w instanceof String[] && v instanceof String[]
          && java.util.Arrays.equals((String[]) w, (String[]) v)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Dictionary<String, Object> current, Map<String, Object> wanted) {
    if (current == null || wanted == null) {
      return current == null && wanted == null;
    }
    int n = 0;
    for (Enumeration<String> keys = current.keys(); keys.hasMoreElements(); ) {
      String k = keys.nextElement();
      if (k.equals(Constants.SERVICE_PID) || k.startsWith("felix.") || k.startsWith("service.bundle")) {
        continue;
      }
      n++;
      Object v = current.get(k);
      Object w = wanted.get(k);
      if (w == null || !(w.equals(v) || (w instanceof String[] && v instanceof String[]
          && java.util.Arrays.equals((String[]) w, (String[]) v)))) {
        return false;
      }
    }
    return n == wanted.size();
  }

  private ServiceReference<SecurityTypeFactory> reference(int type) throws Exception {
    Collection<ServiceReference<SecurityTypeFactory>> refs = context.getServiceReferences(
        SecurityTypeFactory.class, "(" + SecurityTypeFactory.PROPERTY_TYPE + "=" + type + ")");
    return refs.isEmpty() ? null : refs.iterator().next();
  }

  /** The service id of the factory of {@code type}, or -1 while there is none. */
  long serviceId(int type) throws Exception {
    ServiceReference<SecurityTypeFactory> ref = reference(type);
    return ref == null ? -1 : (Long) ref.getProperty(Constants.SERVICE_ID);
  }

  /** Waits for a factory of {@code type} other than the one with service id {@code before}. */
  void awaitType(int type, long before) throws Exception {
    long end = System.currentTimeMillis() + AWAIT_MILLIS;
    while (true) {
      long now = serviceId(type);
      if (now != -1 && now != before) {
        return;
      }
      if (System.currentTimeMillis() > end) {
        fail("security type " + type + " was not registered (again) in time");
      }
      Thread.sleep(20);
    }
  }

  /** Writes the users file the unconfigured users-file bundle reads, atomically, owner-only. */
  void users(String... nameRightsPassword) throws Exception {
    StringBuilder s = new StringBuilder("# written by the security tests\n");
    for (int i = 0; i < nameRightsPassword.length; i += 3) {
      s.append(userLine(nameRightsPassword[i], nameRightsPassword[i + 1], nameRightsPassword[i + 2]));
    }
    Path file = home().resolve("etc").resolve("users");
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling("users.tmp");
    Files.writeString(temporary, s);
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A users-file line, written from the format's description: PBKDF2-HMAC-SHA256, salted. */
  private static String userLine(String name, String rights, String password) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return name + ":" + rights + ":pbkdf2-sha256:1000:" + b64.encodeToString(salt) + ":"
        + b64.encodeToString(hash) + "\n";
  }

  /**
   * Configures the JAAS bundle with the itest's login module, ranked above the users file so
   * that the security types ask it; {@code users} as the module's options (name, "password,roles").
   */
  void jaas(Map<String, String> users) throws Exception {
    Path file = home().resolve("etc").resolve("jaas-security.conf");
    Files.createDirectories(file.getParent());
    StringBuilder s = new StringBuilder("vnc-security {\n  ")
        .append(org.plugvnc.itest.jaas.OptionsLoginModule.class.getName()).append(" required");
    users.forEach((name, value) -> s.append("\n    ").append(name).append("=\"").append(value).append('"'));
    Files.writeString(file, s.append(";\n};\n"));
    cm.getConfiguration(JAAS_PID, "?").update(new Hashtable<>(Map.of(
        "realm", "vnc-security",
        "configFile", "etc/jaas-security.conf",
        "rolePrincipalClasses", org.plugvnc.itest.jaas.OptionsLoginModule.RolePrincipal.class.getName(),
        "service.ranking", "50")));
    long end = System.currentTimeMillis() + AWAIT_MILLIS;
    while (context.getServiceReferences(org.plugvnc.api.security.CredentialVerifier.class,
        "(&(plugvnc.credentials=jaas)(service.ranking=50))").isEmpty()) {
      if (System.currentTimeMillis() > end) {
        fail("the JAAS verifier was not registered");
      }
      Thread.sleep(20);
    }
    Thread.sleep(200); // the security types rebind to it as its registration event is delivered
  }

  void removeJaas() throws Exception {
    cm.getConfiguration(JAAS_PID, "?").delete();
    long end = System.currentTimeMillis() + AWAIT_MILLIS;
    while (!context.getServiceReferences(org.plugvnc.api.security.CredentialVerifier.class,
        "(plugvnc.credentials=jaas)").isEmpty()) {
      if (System.currentTimeMillis() > end) {
        fail("the JAAS verifier stayed");
      }
      Thread.sleep(20);
    }
  }

  /**
   * The fingerprint the RSA-AES bundle logs for its key, computed here from the key file: SHA-256
   * of the key as RSA-AES sends it (u32 bits, then modulus and exponent of ceil(bits/8) bytes).
   */
  String rsaFingerprint() throws Exception {
    String pem = Files.readString(home().resolve("data").resolve("rsaaes-key.pem"));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    int bits = key.getModulus().bitLength();
    int size = (bits + 7) / 8;
    byte[] wire = new byte[4 + 2 * size];
    wire[0] = (byte) (bits >>> 24);
    wire[1] = (byte) (bits >>> 16);
    wire[2] = (byte) (bits >>> 8);
    wire[3] = (byte) bits;
    unsigned(key.getModulus(), wire, 4, size);
    unsigned(key.getPublicExponent(), wire, 4 + size, size);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(wire);
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }

  private static void unsigned(BigInteger n, byte[] out, int offset, int size) {
    byte[] b = n.toByteArray();
    int skip = b.length > size ? b.length - size : 0;
    System.arraycopy(b, skip, out, offset + size - (b.length - skip), b.length - skip);
  }

  /** Asserts that the viewer, after a full refresh, holds exactly the test pattern. */
  static void assertPattern(RfbClient c) throws IOException {
    c.refresh(ServerFixture.TIMEOUT);
    int w = ServerFixture.WIDTH;
    int h = ServerFixture.HEIGHT;
    int[] expected = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        expected[y * w + x] = ServerFixture.pattern(x, y, w, h);
      }
    }
    assertEquals(expected.length, c.pixels().length, "the framebuffer size");
    String difference = Pictures.firstDifference(expected, c.pixels(), w);
    assertTrue(difference == null, difference);
  }
}
