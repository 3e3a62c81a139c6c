package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.Bell;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.ServerCutText;

/** The interactive virtual desktop as a viewer uses it: the bell, the clipboard, view-only. */
@ExtendWith(ServiceExtension.class)
class InteractiveDesktopTest {

  private static final int CONTROL_L = 0xffe3;
  private static final int RETURN = 0xff0d;

  @InjectService
  ConfigurationAdmin cm;

  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    server.update("org.plugvnc.capture.virtual",
        Map.of("mode", "interactive", "width", 640, "height", 480));
  }

  @AfterEach
  void restore() throws IOException {
    server.desktop(ServerFixture.WIDTH, ServerFixture.HEIGHT);
  }

  private RfbClient viewer(String password) throws IOException {
    return server.client().securityType(2).password(password)
        .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_DESKTOP_SIZE).connect();
  }

  @Test
  void ctrlGRingsTheBellOnEveryViewer() throws IOException {
    try (RfbClient typist = viewer(ServerFixture.PASSWORD);
        RfbClient watcher = viewer(ServerFixture.VIEW_ONLY_PASSWORD)) {
      typist.keyEvent(true, CONTROL_L);
      typist.typeKey('g');
      typist.keyEvent(false, CONTROL_L);
      typist.await(Bell.class, TIMEOUT);
      watcher.await(Bell.class, TIMEOUT);
    }
  }

  @Test
  void aLineCopiedOnTheDesktopReachesTheViewersClipboards() throws IOException {
    try (RfbClient typist = viewer(ServerFixture.PASSWORD);
        RfbClient other = viewer(ServerFixture.PASSWORD)) {
      for (char ch : "plug me".toCharArray()) {
        typist.typeKey(ch);
      }
      typist.typeKey(RETURN);
      assertEquals("plug me", typist.await(ServerCutText.class, TIMEOUT).text());
      assertEquals("plug me", other.await(ServerCutText.class, TIMEOUT).text());
    }
  }

  @Test
  void aViewOnlyViewerCannotTypeOrSetTheClipboard() throws IOException {
    try (RfbClient watcher = viewer(ServerFixture.VIEW_ONLY_PASSWORD);
        RfbClient other = viewer(ServerFixture.PASSWORD)) {
      watcher.refresh(TIMEOUT);
      watcher.requestUpdate(true);
      for (char ch : "nope".toCharArray()) {
        watcher.typeKey(ch);
      }
      watcher.typeKey(RETURN);
      watcher.clientCutText("from a watcher");
      assertTrue(other.poll(Duration.ofSeconds(1)).filter(m -> m instanceof ServerCutText).isEmpty(),
          "a view-only viewer's keys and clipboard must not reach the desktop");
    }
  }
}
