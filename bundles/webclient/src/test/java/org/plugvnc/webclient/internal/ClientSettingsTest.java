package org.plugvnc.webclient.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.webclient.internal.ClientSettings.Resize;

class ClientSettingsTest {

  @Test
  void defaultsAreTheConfigurationDefaults() {
    assertEquals(ClientSettings.DEFAULTS, ClientSettings.from(TestConfiguration.defaults()));
  }

  @Test
  void jsonCarriesEverySetting() {
    ClientSettings settings = new ClientSettings(false, Resize.REMOTE, false, 500, "ws/vnc", false);

    assertEquals("{\"autoconnect\":false,\"resize\":\"remote\",\"reconnect\":false,"
        + "\"reconnectDelayMillis\":500,\"path\":\"ws/vnc\",\"shared\":false}", settings.toJson());
  }

  @Test
  void slashesAroundThePathAreDropped() {
    assertEquals("vnc/ws", ClientSettings.from(TestConfiguration.defaults().withPath(" /vnc/ws/ ")).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "a/../b", "a//b", "</script>", "a b", "a\"b", "a?b", "a#b", "é"})
  void anInvalidPathFallsBackToTheDefault(String path) {
    assertEquals("websockify", ClientSettings.from(TestConfiguration.defaults().withPath(path)).path());
    assertThrows(IllegalArgumentException.class,
        () -> new ClientSettings(true, Resize.SCALE, true, 2000, path, true));
  }

  @Test
  void resizeIsReadInAnyCaseAndAnUnknownOneFallsBack() {
    assertEquals(Resize.OFF, ClientSettings.from(TestConfiguration.defaults().withResize(" Off ")).resize());
    assertEquals(Resize.SCALE, ClientSettings.from(TestConfiguration.defaults().withResize("zoom")).resize());
  }

  @Test
  void delayOutOfRangeFallsBack() {
    TestConfiguration config = new TestConfiguration(true, "scale", true, 5, "websockify", true);

    assertEquals(2000, ClientSettings.from(config).reconnectDelayMillis());
  }
}
