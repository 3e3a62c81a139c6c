package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * The RSA-AES bundle in a real framework: it generates its key owner-only under the plugvnc home
 * and registers its four security types, each keyed by its number. The protocol itself is tested
 * in the bundle and, with the project's client, later. The key is generated off the framework's
 * start thread, so the types may take a few seconds to come.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class RsaAesServiceTest {

  @InjectBundleContext
  BundleContext context;

  @Test
  void theFourTypesRegisterAndTheKeyIsTheOwnersOnly(
      @InjectService(cardinality = 4, filter = "(plugvnc.security.type>=5)", timeout = 60_000)
      java.util.List<SecurityTypeFactory> ignored) throws Exception {
    Collection<ServiceReference<SecurityTypeFactory>> refs =
        context.getServiceReferences(SecurityTypeFactory.class, null);
    Set<Integer> types = new TreeSet<>();
    for (ServiceReference<SecurityTypeFactory> r : refs) {
      if ("org.plugvnc.security.rsaaes".equals(r.getBundle().getSymbolicName())) {
        int type = (Integer) r.getProperty(SecurityTypeFactory.PROPERTY_TYPE);
        assertEquals(type, context.getService(r).type(), "the property and type() agree");
        context.ungetService(r);
        types.add(type);
      }
    }
    assertEquals(Set.of(5, 6, 129, 130), types);

    Path key = Path.of(context.getProperty("plugvnc.home"), "data", "rsaaes-key.pem");
    assertTrue(Files.exists(key), key + " was generated");
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(key));
  }
}
