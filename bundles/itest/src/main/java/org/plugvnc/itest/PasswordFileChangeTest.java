package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbSecurityException;

/**
 * The password file rewritten while the server runs, as the README tells users to do with
 * {@code vncpasswd -f}: the next viewer meets what the file holds now, with no restart, no
 * configuration change and no wait.
 */
@ExtendWith(ServiceExtension.class)
class PasswordFileChangeTest {

  private static final String NEW_PASSWORD = "n3wpass!";
  private static final String NEW_VIEW_ONLY_PASSWORD = "n3wwatch";

  @InjectService
  ConfigurationAdmin cm;

  @Test
  void theNextViewerMeetsTheRewrittenFile() throws Exception {
    // No blacklist: the refusals below must not block the address for the attempts after them.
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of("blacklistThreshold", 0));
    getsIn(server, ServerFixture.PASSWORD);

    // In place, as "vncpasswd -f > file" does: same inode, same size.
    Files.write(server.passwordFile(), VncPasswordFiles.encode(NEW_PASSWORD, NEW_VIEW_ONLY_PASSWORD));
    getsIn(server, NEW_PASSWORD);
    isRefused(server, ServerFixture.PASSWORD);
    isRefused(server, ServerFixture.VIEW_ONLY_PASSWORD);

    Files.write(server.passwordFile(), new byte[] {1, 2, 3});
    isRefused(server, NEW_PASSWORD);
    isRefused(server, ServerFixture.PASSWORD);
  }

  private static void getsIn(ServerFixture server, String password) throws Exception {
    try (RfbClient c = server.client().securityType(2).password(password).connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width());
    }
  }

  private static void isRefused(ServerFixture server, String password) {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> server.client().securityType(2).password(password).connect().close(),
        password + " must be refused");
    assertEquals(RfbSecurityException.Failure.AUTHENTICATION_FAILED, e.failure());
  }
}
