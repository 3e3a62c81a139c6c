package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.Identity;
import org.plugvnc.itest.jaas.OptionsLoginModule;

/**
 * The JAAS credentials bundle in the framework: inactive until configured; then, with a JAAS file
 * naming a login module exported by this (another) bundle, it logs users in with the rights their
 * roles give, at the configured ranking, and goes away with its configuration.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class JaasCredentialsTest {

  private static final String PID = "org.plugvnc.credentials.jaas";
  private static final String JAAS = "(plugvnc.credentials=jaas)";
  private static final long TIMEOUT_MILLIS = 5000;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  @AfterEach
  void unconfigure() throws Exception {
    cm.getConfiguration(PID, "?").delete();
  }

  @Test
  void usersLogInWithTheRightsOfTheirRoles() throws Exception {
    assertTrue(references().isEmpty(), "the JAAS verifier runs without its configuration");
    Path file = Path.of(context.getProperty("plugvnc.home"), "etc", "jaas-itest.conf");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "vnc-itest {\n  " + OptionsLoginModule.class.getName() + " required\n"
        + "    alice=\"s3cret,admin\"\n    guest=\"look,vnc-viewer\"\n    dave=\"none,staff\";\n};\n");
    cm.getConfiguration(PID, "?").update(new Hashtable<>(Map.of(
        "realm", "vnc-itest",
        "configFile", "etc/jaas-itest.conf",
        "rolePrincipalClasses", OptionsLoginModule.RolePrincipal.class.getName(),
        "service.ranking", "7")));
    ServiceReference<CredentialVerifier> reference = await();
    assertEquals(7, reference.getProperty("service.ranking"), "the ranking is an Integer");
    CredentialVerifier verifier = context.getService(reference);
    try {
      // No context class loader of the caller's: the module must come through the bundle's import.
      Thread.currentThread().setContextClassLoader(null);
      assertEquals(Optional.of(new Identity("alice", false)), verifier.verify("alice", "s3cret".toCharArray()));
      assertEquals(Optional.of(new Identity("guest", true)), verifier.verify("guest", "look".toCharArray()));
      assertEquals(Optional.empty(), verifier.verify("alice", "look".toCharArray()), "wrong password");
      assertEquals(Optional.empty(), verifier.verify("mallory", "s3cret".toCharArray()), "unknown user");
      assertEquals(Optional.empty(), verifier.verify("dave", "none".toCharArray()), "no role");
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
      context.ungetService(reference);
    }

    cm.getConfiguration(PID, "?").delete();
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (!references().isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        fail("the JAAS verifier stayed after its configuration was deleted");
      }
      Thread.sleep(20);
    }
  }

  private Collection<ServiceReference<CredentialVerifier>> references() throws Exception {
    return context.getServiceReferences(CredentialVerifier.class, JAAS);
  }

  private ServiceReference<CredentialVerifier> await() throws Exception {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (references().isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        fail("no JAAS verifier was registered once configured");
      }
      Thread.sleep(20);
    }
    return references().iterator().next();
  }
}
